using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.NewBuy;
using GroupBuyBot.Core.Features.SignUps;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.SignUps.Replies;
using GroupBuyBot.Core.Tests.Fakes;
using GroupBuyBot.TestKit;

namespace GroupBuyBot.Core.Tests.BadInput;

/// <summary>
/// Thousands of seeded random and hostile strings through every parser members reach: nothing throws, whatever is
/// accepted is within range, rejected input changes nothing, and every reply is HTML Telegram accepts.
/// </summary>
public class HostileInputPropertyTests
{
    private const int Seed = 20261123;
    private const int Count = 2500;
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static TheoryData<Language> Languages => [Language.En, Language.Zh];

    [Fact]
    public void Commands_parse_to_a_plain_name_or_to_nothing()
    {
        foreach (var text in HostileText.Cases(Seed, Count).SelectMany(t => new[] { t, "/" + t, "/join " + t, "/join@GroupBuyTestBot" + t }))
        {
            var command = BotCommand.Parse(text, "GroupBuyTestBot");
            if (command is null) continue;
            Assert.Matches("^[a-z0-9_]+$", command.Name);
            Assert.True(command.Arguments.Length <= BotCommand.MaxLength);
        }
    }

    [Fact]
    public void Prices_and_deadlines_are_either_refused_or_in_range()
    {
        foreach (var text in HostileText.Cases(Seed + 1, Count))
        {
            if (PriceText.TryParse(text, out var price, out _))
            {
                Assert.InRange(price, 0, PriceText.MaxPrice);
                Assert.Equal(decimal.Round(price, 2), price);
            }

            if (DeadlineText.TryParse(text, Clock.Start, Shanghai, out var deadline))
            {
                Assert.InRange(deadline, Clock.Start.AddTicks(1), Clock.Start + DeadlineText.MaxAhead);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_refused_field_value_leaves_the_buy_unchanged_and_explains_in_well_formed_html(Language language)
    {
        var context = Context(language);
        foreach (var text in HostileText.Cases(Seed + 2, Count / 2))
        {
            foreach (var field in Enum.GetValues<GroupBuyField>())
            {
                var buy = OpenBuy();
                var before = Snapshot(buy);
                var problem = GroupBuyFieldInput.TryApply(buy, field, text, context, Clock.Start);
                if (problem is null) continue;
                Assert.Equal(before, Snapshot(buy));
                Assert.True(TelegramHtml.IsWellFormed(problem), $"{field} «{text}» → {problem}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Join_with_hostile_arguments_signs_up_within_range_or_changes_nothing(Language language)
    {
        var store = new InMemoryGroupBuyStore();
        var buy = store.Add(OpenBuy());
        var handler = new SignUpHandler(store, new BuyLocator(store), Clock.Fake());
        var requestId = 0L;
        foreach (var text in HostileText.Cases(Seed + 3, Count))
        {
            var actor = new Member(1000 + requestId, "M<b>&" + requestId);
            var before = Snapshot(buy);
            var writes = store.Writes;
            var outcome = await handler.Join(Context(language, actor, ++requestId), text, CancellationToken.None);

            Assert.NotNull(outcome.Reply);
            Assert.True(TelegramHtml.IsWellFormed(outcome.Reply), $"«{text}» → {outcome.Reply}");
            var signUp = buy.SignUps.SingleOrDefault(s => s.UserId == actor.UserId);
            if (signUp is null)
            {
                Assert.Equal(before, Snapshot(buy));
                Assert.Equal(writes, store.Writes);
            }
            else
            {
                Assert.InRange(signUp.Quantity, 1, SignUp.MaxQuantity);
                Assert.True(signUp.Note is null || signUp.Note.Length <= SignUp.MaxNoteLength);
            }
        }
    }

    [Fact]
    public void Natural_replies_read_as_an_intent_with_a_positive_quantity()
    {
        foreach (var text in HostileText.Cases(Seed + 4, Count))
        {
            var reply = SignUpReplyParser.Parse(text);
            // Out-of-range quantities ("+1999") are read as said; the sign-up rules refuse them with an explanation.
            if (reply.Quantity is { } quantity) Assert.True(quantity > 0, $"«{text}» → {quantity}");
            if (reply.Intent is SignUpIntent.None or SignUpIntent.Leave) Assert.Null(reply.Quantity);
        }
    }

    private static GroupBuy OpenBuy()
    {
        var buy = GroupBuy.CreateDraft(-1001, null, 1, new Member(1, "Alice"), Clock.Start);
        buy.SetTitle("Oranges");
        buy.SetPrice(60, "CNY");
        buy.SetMinUnits(5);
        buy.SetDeadline(Clock.Start.AddDays(2));
        buy.TrySetCapacity(5000);
        buy.Open(Clock.Start);
        return buy;
    }

    private static CommandContext Context(Language language, Member? actor = null, long requestId = 1) =>
        new(new ChatSettings { ChatId = -1001, Language = language, TimeZoneId = "Asia/Shanghai" }, null, actor ?? new Member(1, "Alice"), requestId, null);

    private static string Snapshot(GroupBuy buy) =>
        $"{buy.Title}|{buy.Description}|{buy.CurrentUnitPrice}|{buy.Currency}|{buy.MinUnits}|{buy.Capacity}|{buy.Deadline}|{buy.UnitName}|{string.Join(',', buy.Tiers)}|"
        + string.Join(',', buy.SignUps.Select(s => $"{s.UserId}:{s.Quantity}:{s.Status}:{s.Note}"));
}
