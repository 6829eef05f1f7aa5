using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Features.Export;
using GroupBuyBot.Core.Features.Suppliers;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Suppliers;
using GroupBuyBot.TestKit;

namespace GroupBuyBot.Core.Tests.GroupBuys;

public class PickupTests
{
    private static readonly DateTimeOffset Now = Clock.Start;

    [Fact]
    public void The_supplier_order_and_the_export_are_grouped_by_the_point_each_member_chose()
    {
        var buy = GroupBuy.CreateDraft(-1, null, 1, new Member(99, "Organizer"), Now);
        buy.SetTitle("Oranges");
        buy.SetOptions([("Large", 60m, null), ("Small", 35m, null)], "CNY");
        buy.SetMinUnits(1);
        buy.SetDeadline(Now.AddDays(1));
        buy.SetPickupPoints(["East gate", "Block 3 lobby"]);
        buy.Open(Now);
        buy.Join(new Member(1, "Bob"), 2, null, Now, option: 1);
        buy.Join(new Member(1, "Bob"), 1, null, Now, option: 2);
        buy.Join(new Member(2, "Carol"), 1, null, Now, option: 2);
        buy.Join(new Member(3, "Dave"), 1, null, Now, option: 1);
        Assert.True(buy.ChoosePickup(1, 2));
        Assert.True(buy.ChoosePickup(2, 1));
        Assert.False(buy.ChoosePickup(2, 3)); // no such point
        Assert.False(buy.ChoosePickup(4, 1)); // not signed up
        buy.Close(Now);

        var order = SupplierOrderHandler.OrderText(buy, new ChatSettings { ChatId = -1, Language = Language.En }, new Supplier { Name = "Farm" });

        Assert.Contains("📍 Not chosen yet (1): Dave ×1 Large\n📍 East gate (1): Carol ×1 Small\n📍 Block 3 lobby (3): Bob ×2 Large, Bob ×1 Small\n", order, StringComparison.Ordinal);
        var csv = System.Text.Encoding.UTF8.GetString(SignUpsCsv.Build(buy));
        Assert.Contains(",Large,Block 3 lobby,\r\n", csv, StringComparison.Ordinal);
        Assert.Contains(",Small,East gate,\r\n", csv, StringComparison.Ordinal);
    }
}
