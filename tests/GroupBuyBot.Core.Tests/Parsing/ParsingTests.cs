using GroupBuyBot.Core.Parsing;
using GroupBuyBot.TestKit;

namespace GroupBuyBot.Core.Tests.Parsing;

public class ParsingTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData("/join 2 large", "join", "2 large")]
    [InlineData("/JOIN@GroupBuyTestBot 3", "join", "3")]
    [InlineData("/newbuy 陶艺课 | 80", "newbuy", "陶艺课 | 80")]
    [InlineData("/help", "help", "")]
    public void Commands_are_read_with_or_without_the_bot_name(string text, string name, string arguments)
    {
        var command = BotCommand.Parse(text, "GroupBuyTestBot");

        Assert.NotNull(command);
        Assert.Equal(name, command.Name);
        Assert.Equal(arguments, command.Arguments);
    }

    [Theory]
    [InlineData("/join@OtherBot 2")]
    [InlineData("plain text")]
    [InlineData("/")]
    [InlineData("/<b>x</b>")]
    [InlineData("")]
    public void Text_that_is_not_our_command_is_not_parsed_as_one(string text) =>
        Assert.Null(BotCommand.Parse(text, "GroupBuyTestBot"));

    [Theory]
    [InlineData("3d", 72 * 60)]
    [InlineData("48h", 48 * 60)]
    [InlineData("1d12h", 36 * 60)]
    [InlineData("90m", 90)]
    [InlineData("3天", 72 * 60)]
    [InlineData("２小时", 120)]
    public void Relative_deadlines_count_from_now(string text, int minutes)
    {
        Assert.True(DeadlineText.TryParse(text, Clock.Start, Shanghai, out var deadline));
        Assert.Equal(Clock.Start.AddMinutes(minutes), deadline);
    }

    [Fact]
    public void Absolute_deadlines_are_read_in_the_chats_time_zone_and_stored_in_utc()
    {
        Assert.True(DeadlineText.TryParse("2026-12-05 18:00", Clock.Start, Shanghai, out var deadline));
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero), deadline);
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
        Assert.Equal("2026-12-05 18:00", DeadlineText.Format(deadline, Shanghai));
    }

    [Fact]
    public void A_date_without_a_year_means_the_next_such_date()
    {
        Assert.True(DeadlineText.TryParse("01-05 12:00", Clock.Start, Shanghai, out var deadline));
        Assert.Equal(2027, deadline.Year);
    }

    [Theory]
    [InlineData("2020-01-01 10:00")]
    [InlineData("2030-01-01 10:00")]
    [InlineData("0h")]
    [InlineData("tomorrow-ish")]
    [InlineData("99999d")]
    [InlineData("")]
    public void Past_far_future_and_garbage_deadlines_are_refused(string text) =>
        Assert.False(DeadlineText.TryParse(text, Clock.Start, Shanghai, out _));

    [Theory]
    [InlineData("80", 80, null)]
    [InlineData("¥80", 80, "CNY")]
    [InlineData("80元", 80, "CNY")]
    [InlineData("$12.5", 12.5, "USD")]
    [InlineData("12.50 USD", 12.5, "USD")]
    [InlineData("８０", 80, null)]
    public void Prices_are_read_as_organizers_write_them(string text, double price, string? currency)
    {
        Assert.True(PriceText.TryParse(text, out var parsed, out var parsedCurrency));
        Assert.Equal((decimal)price, parsed);
        Assert.Equal(currency, parsedCurrency);
    }

    [Theory]
    [InlineData("free")]
    [InlineData("-5")]
    [InlineData("1.234")]
    [InlineData("99999999")]
    public void Non_prices_are_refused(string text) => Assert.False(PriceText.TryParse(text, out _, out _));

    [Theory]
    [InlineData("#2 3 large", false, 2, "3 large")]
    [InlineData("2 3", true, 2, "3")]
    [InlineData("2 3", false, null, "2 3")]
    [InlineData("＃3", false, 3, "")]
    public void A_buy_number_is_taken_from_the_front_of_the_arguments(string arguments, bool bare, int? number, string rest)
    {
        Assert.Equal(rest, BuyReference.Split(arguments, bare, out var parsed));
        Assert.Equal(number, parsed);
    }
}
