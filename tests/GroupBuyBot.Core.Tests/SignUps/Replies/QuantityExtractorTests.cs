using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.SignUps.Replies;

public sealed class QuantityExtractorTests
{
    [Theory]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("二十五", 25)]
    [InlineData("两", 2)]
    [InlineData("一百", 100)]
    [InlineData("一二", 0)]
    public void Chinese_numerals_parse(string numeral, int value)
    {
        Assert.Equal(value, QuantityExtractor.ParseChinese(numeral));
    }

    [Theory]
    [InlineData("5栋602")]
    [InlineData("block 5")]
    [InlineData("7点")]
    [InlineData("18:00")]
    [InlineData("80块")]
    [InlineData("12号")]
    [InlineData("unit 12-03")]
    [InlineData("7b")]
    [InlineData("after 6pm")]
    [InlineData("13800138000")]
    [InlineData("一起")]
    [InlineData("room 1502")]
    [InlineData("flat 12b")]
    [InlineData("c座901")]
    [InlineData("$25")]
    [InlineData("9123 4567")]
    public void Addresses_times_prices_and_dates_are_not_quantities(string text)
    {
        Assert.Empty(QuantityExtractor.Find(text));
    }

    [Theory]
    [InlineData("3份", 3)]
    [InlineData("两箱", 2)]
    [InlineData("x2", 2)]
    [InlineData("a dozen", 12)]
    [InlineData("four boxes", 4)]
    [InlineData("我要two boxes", 2)]
    [InlineData("来一打", 12)]
    [InlineData("3 dozen", 36)]
    [InlineData("twenty-one packs", 21)]
    [InlineData("blk 9, 2 bags", 2)]
    [InlineData("8栋1101 三份", 3)]
    public void Counts_are_found(string text, int value)
    {
        var mention = Assert.Single(QuantityExtractor.Find(text));
        Assert.Equal(value, mention.Value);
    }
}
