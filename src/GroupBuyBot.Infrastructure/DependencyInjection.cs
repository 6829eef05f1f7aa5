using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.Discovery.Model;
using GroupBuyBot.Core.Features.Discovery;
using GroupBuyBot.Core.Discovery.Proposals;
using GroupBuyBot.Core.Discovery.Windows;
using GroupBuyBot.Infrastructure.Ai;
using GroupBuyBot.Infrastructure.Discovery;
using GroupBuyBot.Infrastructure.Health;
using GroupBuyBot.Infrastructure.Logging;
using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.Features.Export;
using GroupBuyBot.Core.Features.Quotes;
using GroupBuyBot.Core.Features.Ratings;
using GroupBuyBot.Core.Features.Suppliers;
using GroupBuyBot.Core.Features.Listing;
using GroupBuyBot.Core.Features.NewBuy;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.Features.Payments;
using GroupBuyBot.Core.Features.Pickup;
using GroupBuyBot.Core.Features.Recurring;
using GroupBuyBot.Core.Features.Sharing;
using GroupBuyBot.Core.Features.SignUps;
using GroupBuyBot.Core.SignUps.Replies;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.Infrastructure.Pipeline;
using GroupBuyBot.Infrastructure.Scheduling;
using GroupBuyBot.Infrastructure.Telemetry;
using GroupBuyBot.Infrastructure.Telegram;
using GroupBuyBot.Infrastructure.Telegram.Routing;
using GroupBuyBot.Infrastructure.Telegram.Webhook;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Quartz;
using SchedulingOptions = GroupBuyBot.Infrastructure.Scheduling.SchedulingOptions;
using Telegram.Bot;

namespace GroupBuyBot.Infrastructure;

/// <summary>Registers the bot's services; the host's Program.cs only calls this.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddGroupBuyBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TelegramOptions>(configuration.GetSection(TelegramOptions.Section));
        services.Configure<PaymentsOptions>(configuration.GetSection(PaymentsOptions.Section));
        services.AddSingleton(provider => new InvoiceSettings(!string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<PaymentsOptions>>().Value.ProviderToken)));
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<ChatDefaultsOptions>(configuration.GetSection(ChatDefaultsOptions.Section));
        services.AddSingleton(TimeProvider.System);

        // Storage: SQLite or PostgreSQL, everything that differs behind the provider
        var database = DatabaseProvider.For(configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions());
        services.AddSingleton(database);
        database.AddContexts(services);
        services.AddSingleton(database.CreateWriteGate());
        services.AddSingleton(_ => database.CreateChatClaims()); // made by the container, so disposed with it (the claims' session ends)
        services.AddSingleton(database.CreateChangeNotices());
        services.AddSingleton<GroupBuyStore>();
        services.AddSingleton<IGroupBuyStore>(provider => ActivatorUtilities.CreateInstance<SchedulingGroupBuyStore>(provider,
            provider.GetRequiredService<GroupBuyStore>()));
        services.AddSingleton<IChatStore, ChatStore>();
        services.AddSingleton<ISupplierStore, SupplierStore>();
        services.AddSingleton<IQuoteStore, QuoteStore>();
        services.AddSingleton<IRatingStore, RatingStore>();
        services.AddSingleton<IChatLinkStore, ChatLinkStore>();
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<UpdateInbox>();
        services.AddSingleton<OutcomeRecorder>();
        services.AddHostedService<DatabaseMigrator>();
        services.AddSingleton<ActiveInstance>(); // the one instance that polls and sends (on SQLite: this one)
        services.AddHostedService(provider => provider.GetRequiredService<ActiveInstance>());

        // Use cases
        services.AddSingleton<BuyLocator>();
        services.AddSingleton<OrganizerPolicy>();
        services.AddSingleton<NewBuyHandler>();
        services.AddSingleton<SignUpHandler>();
        services.AddSingleton<ClosingHandler>();
        services.AddSingleton<EditingHandler>();
        services.AddSingleton<OrganizersHandler>();
        services.AddSingleton<LanguageHandler>();
        services.AddSingleton<BuysQuery>();
        services.AddSingleton<DeadlineCloser>();
        services.AddSingleton<DeadlineReminder>();
        services.AddSingleton<SupplierHandler>();
        services.AddSingleton<SupplierOrderHandler>();
        services.AddSingleton<ExportHandler>();
        services.AddSingleton<QuoteHandler>();
        services.AddSingleton<DeliveryHandler>();
        services.AddSingleton<PaymentsHandler>();
        services.AddSingleton<PaymentReminders>();
        services.AddSingleton<PickupHandler>();
        services.AddSingleton<RecurringBuys>();
        services.AddSingleton<LinkHandler>();
        services.AddSingleton<ShareHandler>();
        services.AddSingleton<PoolingSuggestions>();
        AddDiscovery(services, configuration);

        // Telegram
        services.AddSingleton<SecretRedactor>();
        services.AddSingleton<RedactedHttpLogger>();
        services.AddHttpClient(nameof(TelegramBotClient)).RemoveAllLoggers().AddLogger<RedactedHttpLogger>() // the default logs URLs, with the token
            .AddHttpMessageHandler<TelegramRequestMetrics>();
        // Two clients: sends give up after a few seconds (the outbox tries again later), the long poll may take its time.
        services.AddSingleton<ITelegramBotClient>(provider => CreateClient(provider, options => options.RequestTimeoutSeconds));
        services.AddSingleton(provider => new PollingClient(CreateClient(provider, options => options.PollingTimeoutSeconds + options.RequestTimeoutSeconds)));
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<ChatAdministrators>();
        services.AddSingleton<IChatAdministrators>(provider => provider.GetRequiredService<ChatAdministrators>());
        services.AddHostedService<AdministratorChangeListener>();
        services.AddSingleton<SupplierOrderDelivery>();
        services.AddSingleton<QuoteBoardMessage>();
        services.AddSingleton<LiveListMessage>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<GroupSendHistory>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxSender>());
        services.AddScoped<UpdateHandler>();
        services.AddScoped<GroupMessages>();
        services.AddScoped<PrivateMessages>();
        services.AddScoped<ButtonTaps>();
        services.AddScoped<ListTaps>();
        services.AddSingleton<UpdateRunner>();
        services.AddSingleton<ModelCalls>();
        services.AddScoped<UpdateCompletion>();
        services.AddHostedService(provider => provider.GetRequiredService<ModelCalls>());
        services.AddSingleton<ChatQueues>();
        services.AddHostedService(provider => provider.GetRequiredService<ChatQueues>());
        services.AddHostedService<PollingService>();
        services.AddHostedService<HandledRequestPruning>();
        services.AddHostedService<PeriodicSweeps>();
        services.AddHostedService<ReplyIntentWarmUp>();
        services.AddHostedService<WebhookServer>(); // idle unless Webhook:Enabled; then polling is idle instead

        AddScheduling(services, configuration, database);
        AddHealth(services, configuration);
        return services;
    }

    /// <summary>
    /// <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> on their own local port (<see cref="HealthServer"/>), off unless
    /// <c>Health:Port</c> is set. The instruments (<see cref="BotMetrics"/>) always exist; they are collected only when
    /// <c>/metrics</c> is served, and cost next to nothing otherwise.
    /// </summary>
    private static void AddHealth(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(HealthOptions.Section);
        services.Configure<HealthOptions>(section);
        var health = section.Get<HealthOptions>() ?? new HealthOptions();
        var timeout = TimeSpan.FromSeconds(Math.Max(1, health.CheckTimeoutSeconds));
        string[] ready = [HealthServer.ReadyTag];
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ready, timeout: timeout)
            .AddCheck<TelegramHealthCheck>("telegram", tags: ready, timeout: timeout)
            .AddCheck<OutboxHealthCheck>("outbox", tags: ready, timeout: timeout);
        services.AddHostedService<HealthServer>();

        services.AddMetrics();
        services.AddSingleton<PipelineBacklog>();
        services.AddSingleton<BotMetrics>();
        services.AddTransient<TelegramRequestMetrics>();
        if (health.Port <= 0 || !health.Metrics) return;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("groupbuybot", serviceVersion: typeof(BotMetrics).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics
            .AddMeter(BotMetrics.MeterName, "System.Runtime") // the runtime's own meter: GC, heap, thread pool, CPU
            .AddPrometheusExporter());

        // Listen to this host's meter only: another host in the same process (the tests) has a meter of the same name.
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) =>
        {
            var ours = provider.GetRequiredService<BotMetrics>().Meter;
            metrics.AddView(instrument => instrument.Meter.Name == BotMetrics.MeterName && instrument.Meter != ours ? MetricStreamConfiguration.Drop : null);
        });
    }

    private static TelegramBotClient CreateClient(IServiceProvider provider, Func<TelegramOptions, int> timeoutSeconds)
    {
        var options = provider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TelegramBotClient));
        http.Timeout = TimeSpan.FromSeconds(Math.Max(1, timeoutSeconds(options)));

        // TelegramSender handles 429s itself (and slows the whole chat down), so the client must not retry them.
        return new TelegramBotClient(new TelegramBotClientOptions(options.BotToken, options.ApiBaseUrl) { RetryThreshold = 0 }, http);
    }

    /// <summary>
    /// Quartz in the provider's store (its own SQLite file, or clustered in the PostgreSQL database); triggers are
    /// rebuilt from the bot's database at start.
    /// </summary>
    private static void AddScheduling(IServiceCollection services, IConfiguration configuration, DatabaseProvider database)
    {
        var section = configuration.GetSection(SchedulingOptions.Section);
        services.Configure<SchedulingOptions>(section);
        var scheduling = section.Get<SchedulingOptions>() ?? new SchedulingOptions();

        // The scheduler reads time from the container's TimeProvider, so tests drive it with their fake clock.
        services.AddQuartz(q => q.UsePersistentStore(store => database.UseSchedulerStore(store, scheduling)));
        services.AddSingleton<QuartzDeadlineSchedule>();
        services.AddSingleton<IDeadlineSchedule>(provider => provider.GetRequiredService<QuartzDeadlineSchedule>());
        services.AddSingleton<DeadlineReconciler>();
        services.AddHostedService(provider => provider.GetRequiredService<DeadlineReconciler>());
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    /// <summary>Need discovery: the embedded extractor by default, the model path when <c>GroupBuyBot:Llm</c> names an endpoint.</summary>
    private static void AddDiscovery(IServiceCollection services, IConfiguration configuration)
    {
        var llmSection = configuration.GetSection(LlmOptions.Section);
        var llm = llmSection.Get<LlmOptions>() ?? new LlmOptions();
        var discoverySection = configuration.GetSection(DiscoveryOptions.Section);
        var discovery = discoverySection.Get<DiscoveryOptions>() ?? new DiscoveryOptions();

        // The long quiet period saves model calls; the embedded extractor costs nothing, so without a model
        // suggestions need not wait half an hour (unless the quiet period was configured explicitly).
        if (!llm.IsConfigured && !discoverySection.GetSection(nameof(DiscoveryOptions.BatchQuietMilliseconds)).Exists())
        {
            discovery.BatchQuietMilliseconds = discovery.EmbeddedBatchQuietMilliseconds;
        }

        // Waiting for other chats' windows only saves model calls: without a model nothing waits.
        if (!llm.IsConfigured && !discoverySection.GetSection(nameof(DiscoveryOptions.SharedCallWaitMilliseconds)).Exists())
        {
            discovery.SharedCallWaitMilliseconds = 0;
        }

        services.AddSingleton(discovery);
        services.AddSingleton(llmSection.Get<LlmBudgetOptions>() ?? new LlmBudgetOptions());
        services.Configure<LlmOptions>(llmSection);
        services.AddSingleton<LlmBudget>();
        services.AddSingleton<ConversationWindows>();
        services.AddSingleton<NeedBoardStore>();
        services.AddSingleton<INeedBoardStore>(provider => provider.GetRequiredService<NeedBoardStore>());
        services.AddSingleton<INeedBoardView, NeedBoardView>();
        services.AddSingleton<DiscoveryHandler>();
        services.AddSingleton<NeedSuggestionHandler>();
        services.AddSingleton<DiscoveryInbox>();
        services.AddHostedService<DiscoveryWorker>();
        services.AddSingleton<NeedDiscovery>();
        services.AddSingleton<INeedReader>(provider => provider.GetRequiredService<NeedDiscovery>());
        services.AddSingleton<DiscoveryRound>();
        services.AddSingleton<INeedExtractor, ConfiguredNeedExtractor>();
        if (llm.IsConfigured)
        {
            services.AddHttpClient(nameof(LlmClient));
            services.AddSingleton<LlmClient>();
            services.AddSingleton<ModelGateway>(); // every model call (needs, replies, proposals) goes through it
            services.AddSingleton<IModelNeedExtractor, SemanticKernelNeedExtractor>();
        }

        if (llm.IsConfigured && llm.ReadAmbiguousReplies) services.AddSingleton<ISignUpReplyReader, ModelSignUpReplyReader>();
        else services.AddSingleton<ISignUpReplyReader>(_ => new LocalSignUpReplyReader());
        if (llm.IsConfigured && llm.DraftProposals) services.AddSingleton<IGroupBuyProposer, ModelGroupBuyProposer>();
        else services.AddSingleton<IGroupBuyProposer, EmbeddedGroupBuyProposer>();
    }
}
