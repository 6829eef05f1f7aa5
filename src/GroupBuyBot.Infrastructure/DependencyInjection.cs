using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Listing;
using GroupBuyBot.Core.Features.NewBuy;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.Features.SignUps;
using GroupBuyBot.Core.SignUps.Replies;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.Infrastructure.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace GroupBuyBot.Infrastructure;

/// <summary>Registers the bot's services; the host's Program.cs only calls this.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddGroupBuyBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TelegramOptions>(configuration.GetSection(TelegramOptions.Section));
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<ChatDefaultsOptions>(configuration.GetSection(ChatDefaultsOptions.Section));
        services.AddSingleton(TimeProvider.System);

        // Storage
        services.AddPooledDbContextFactory<BotDbContext>((provider, builder) =>
            SqliteDatabase.Configure(builder, provider.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<IGroupBuyStore, GroupBuyStore>();
        services.AddSingleton<IChatStore, ChatStore>();
        services.AddSingleton<BotStateStore>();
        services.AddHostedService<DatabaseMigrator>();

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
        services.AddSingleton<ISignUpReplyReader, LocalSignUpReplyReader>();
        services.AddSingleton<INeedExtractor, EmbeddedNeedExtractor>();

        // Telegram
        services.AddHttpClient(nameof(TelegramBotClient));
        services.AddSingleton<ITelegramBotClient>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TelegramBotClient));
            http.Timeout = TimeSpan.FromSeconds(options.PollingTimeoutSeconds + 30);
            // TelegramSender handles 429s itself (and slows the whole chat down), so the client must not retry them.
            return new TelegramBotClient(new TelegramBotClientOptions(options.BotToken, options.ApiBaseUrl) { RetryThreshold = 0 }, http);
        });
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<ChatAdministrators>();
        services.AddSingleton<IChatAdministrators>(provider => provider.GetRequiredService<ChatAdministrators>());
        services.AddSingleton<OutcomePresenter>();
        services.AddSingleton<LiveListRefresher>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveListRefresher>());
        services.AddScoped<UpdateHandler>();
        services.AddHostedService<PollingService>();
        return services;
    }
}
