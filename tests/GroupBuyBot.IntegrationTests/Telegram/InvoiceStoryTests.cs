using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Telegram;

/// <summary>Buys paid in Telegram through the emulator: invoices when the buy forms, the pre-checkout, each payment once.</summary>
public class InvoiceStoryTests
{
    [Fact]
    public async Task A_buy_in_stars_sends_invoices_records_a_payment_once_and_refuses_a_checkout_already_paid()
    {
        await using var bot = await BotHarness.Start();
        foreach (var member in new[] { Alice, Bob, Carol }) await bot.StartPrivateChat(member);
        bot.Say(Alice, "/newbuy Sticker pack | 50⭐ | 2 | 1d");
        await bot.List(1, text => text.Contains("50⭐", StringComparison.Ordinal));
        Assert.Equal("#1: when it forms, each member gets a Telegram invoice privately for what they owe.", (await bot.ReplyTo(bot.Say(Alice, "/payments online"))).Text);
        await bot.ReplyTo(bot.Say(Bob, "/join 1"));
        await bot.ReplyTo(bot.Say(Carol, "/join 2"));
        await bot.ReplyTo(bot.Say(Alice, "/close"));

        var bobs = await bot.PrivateMessage(Bob, m => m.Invoice is not null);
        Assert.Equal(("XTR", 50L), (bobs.Invoice!.Currency, bobs.Invoice.TotalAmount));
        Assert.Equal("#1 Sticker pack", bobs.Invoice.Title);
        var carols = await bot.PrivateMessage(Carol, m => m.Invoice is not null);
        Assert.Equal(100L, carols.Invoice!.TotalAmount);

        // Bob pays: the bot lets the checkout go ahead, records the payment and sends a receipt.
        var paying = bot.Telegram.PayInvoice(Bob.Id, bobs.MessageId, Bob.Id);
        Assert.True((await bot.Telegram.WaitForPreCheckoutAnswer(paying.PreCheckoutQueryId, TimeSpan.FromSeconds(10))).Ok);
        var receipt = await bot.PrivateMessage(Bob, m => m.Text?.StartsWith("✅ Received", StringComparison.Ordinal) == true);
        Assert.Equal("✅ Received 50⭐ for #1 “Sticker pack”. Thank you!", receipt.Text);

        // The same payment's message again: recorded once, no second receipt.
        var charge = bot.Telegram.GetSuccessfulPayments().Single().TelegramPaymentChargeId;
        bot.Telegram.ReplaySuccessfulPayment(charge);
        await bot.ReplyTo(bot.Say(Alice, "/payments"));
        var view = await bot.PrivateMessage(Alice, m => m.Text?.StartsWith("💰 Payments of #1", StringComparison.Ordinal) == true);
        Assert.Contains("✅ Bob 50⭐ (Telegram Stars)", view.Text);
        Assert.Contains("❌ Carol 100⭐ — not paid", view.Text);
        Assert.Single(bot.PrivateMessages(Bob), m => m.Text?.StartsWith("✅ Received", StringComparison.Ordinal) == true);

        // Carol's card is declined: nothing is recorded. Then Alice records her payment by hand, and the invoice is refused.
        var declined = bot.Telegram.PayInvoice(Carol.Id, carols.MessageId, Carol.Id, cardDeclined: true);
        Assert.True((await bot.Telegram.WaitForPreCheckoutAnswer(declined.PreCheckoutQueryId, TimeSpan.FromSeconds(10))).Ok);
        await bot.ReplyTo(bot.Say(Alice, "/paid @carol cash"));
        var late = bot.Telegram.PayInvoice(Carol.Id, carols.MessageId, Carol.Id);
        var refused = await bot.Telegram.WaitForPreCheckoutAnswer(late.PreCheckoutQueryId, TimeSpan.FromSeconds(10));
        Assert.False(refused.Ok);
        Assert.Equal("You have already paid for #1.", refused.ErrorMessage);
        Assert.Single(bot.Telegram.GetSuccessfulPayments());
    }

    [Fact]
    public async Task With_a_payment_provider_an_invoice_is_in_the_buys_currency_and_without_one_online_payment_is_refused_for_it()
    {
        await using (var plain = await BotHarness.Start())
        {
            plain.Say(Alice, "/newbuy Oranges | 60 | 1 | 1d");
            await plain.List(1);
            Assert.Contains("needs a payment provider", (await plain.ReplyTo(plain.Say(Alice, "/payments online"))).Text);
        }

        await using var bot = await BotHarness.Start(settings: new Dictionary<string, string?> { ["GroupBuyBot:Payments:ProviderToken"] = "284685063:TEST:provider" });
        await bot.StartPrivateChat(Bob);
        bot.Say(Alice, "/newbuy 脐橙 | 60 | 1 | 1d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Alice, "/payments online"));
        await bot.ReplyTo(bot.Say(Bob, "/join 2"));
        await bot.ReplyTo(bot.Say(Alice, "/close"));

        var invoice = await bot.PrivateMessage(Bob, m => m.Invoice is not null);
        Assert.Equal(("CNY", 12000L), (invoice.Invoice!.Currency, invoice.Invoice.TotalAmount)); // fen
        var paying = bot.Telegram.PayInvoice(Bob.Id, invoice.MessageId, Bob.Id);
        Assert.True((await bot.Telegram.WaitForPreCheckoutAnswer(paying.PreCheckoutQueryId, TimeSpan.FromSeconds(10))).Ok);
        Assert.Equal("✅ Received ¥120 for #1 “脐橙”. Thank you!", (await bot.PrivateMessage(Bob, m => m.Text?.StartsWith("✅ Received", StringComparison.Ordinal) == true)).Text);
    }

    [Fact]
    public async Task A_staged_buy_takes_a_deposit_at_sign_up_gives_it_back_when_it_fails_and_takes_the_balance_when_it_forms()
    {
        await using var bot = await BotHarness.Start();
        foreach (var member in new[] { Alice, Bob, Carol }) await bot.StartPrivateChat(member);

        // #1 needs 3 and gets 2: it fails, and Bob's deposit goes back by itself.
        bot.Say(Alice, "/newbuy Star class | 100⭐ | 3 | 1d");
        await bot.List(1);
        Assert.Contains("20% deposit", (await bot.ReplyTo(bot.Say(Alice, "/payments deposit 20%"))).Text);
        await bot.ReplyTo(bot.Say(Bob, "/join 1"));
        var deposit = await bot.PrivateMessage(Bob, m => m.Invoice is not null);
        Assert.Equal(20L, deposit.Invoice!.TotalAmount);
        var paying = bot.Telegram.PayInvoice(Bob.Id, deposit.MessageId, Bob.Id);
        Assert.True((await bot.Telegram.WaitForPreCheckoutAnswer(paying.PreCheckoutQueryId, TimeSpan.FromSeconds(10))).Ok);
        await bot.PrivateMessage(Bob, m => m.Text?.StartsWith("✅ Received 20⭐", StringComparison.Ordinal) == true);
        await bot.ReplyTo(bot.Say(Carol, "/join 1"));
        var carols = await bot.PrivateMessage(Carol, m => m.Invoice is not null);

        var failed = await bot.ReplyTo(bot.Say(Alice, "/close"));
        Assert.Contains("Deposits paid in Stars are given back now: Bob.", failed.Text);
        await bot.PrivateMessage(Bob, m => m.Text?.StartsWith("↩️ 20⭐ for #1", StringComparison.Ordinal) == true);
        Assert.Equal([(Bob.Id, 20L)], bot.Telegram.GetStarRefunds().Select(r => (r.UserId, r.TotalAmount)));

        // Carol's deposit for the failed buy is refused at checkout.
        var late = bot.Telegram.PayInvoice(Carol.Id, carols.MessageId, Carol.Id);
        var refused = await bot.Telegram.WaitForPreCheckoutAnswer(late.PreCheckoutQueryId, TimeSpan.FromSeconds(10));
        Assert.Equal((false, "Group buy #1 is not taking this payment (it did not form, or you are not in its order)."), (refused.Ok, refused.ErrorMessage));

        // #2 forms: the deposit paid counts, the balance is invoiced.
        bot.Say(Alice, "/newbuy Star class again | 100⭐ | 1 | 1d");
        await bot.List(2);
        await bot.ReplyTo(bot.Say(Alice, "/payments #2 deposit 20%"));
        await bot.ReplyTo(bot.Say(Bob, "/join #2 1"));
        var second = await bot.PrivateMessage(Bob, m => m.Invoice is { Title: "#2 Star class again" });
        paying = bot.Telegram.PayInvoice(Bob.Id, second.MessageId, Bob.Id);
        Assert.True((await bot.Telegram.WaitForPreCheckoutAnswer(paying.PreCheckoutQueryId, TimeSpan.FromSeconds(10))).Ok);
        await bot.PrivateMessage(Bob, m => m.Text?.StartsWith("✅ Received 20⭐ for #2", StringComparison.Ordinal) == true);
        await bot.ReplyTo(bot.Say(Alice, "/close #2"));
        var balance = await bot.PrivateMessage(Bob, m => m.Invoice is { Title: "#2 Star class again" } && m.MessageId > second.MessageId);
        Assert.Equal(80L, balance.Invoice!.TotalAmount);
    }

    [Fact]
    public async Task In_chinese_two_sizes_fill_separately_invoices_go_out_one_member_pays_the_other_is_reminded_and_the_organizer_sees_it()
    {
        await using var bot = await BotHarness.Start(language: "zh");
        foreach (var member in new[] { Alice, Bob, Carol, Dave }) await bot.StartPrivateChat(member);
        bot.Say(Alice, "/newbuy 贴纸礼包 | 大包 50⭐ 限2, 小包 20⭐ 限2 | 2 | 1d");
        await bot.List(1);
        Assert.Equal("#1：成团后，每位成员会私下收到一张 Telegram 付款单。", (await bot.ReplyTo(bot.Say(Alice, "/payments online"))).Text);

        // The large packs fill; Dave waits for one while the small ones still have room.
        Assert.Equal("Bob 报名 2 份 · 大包。", (await bot.ReplyTo(bot.Say(Bob, "我要大包两份", replyTo: bot.CurrentList(1).MessageId))).Text);
        Assert.Equal("Dave：名额已满，已为你排队候补 1 份 · 大包。", (await bot.ReplyTo(bot.Say(Dave, "/join 1 大包"))).Text);
        Assert.Equal("Carol 报名 1 份 · 小包。", (await bot.ReplyTo(bot.Say(Carol, "/join 小包"))).Text);
        await bot.List(1, text => text.Contains("大包：50⭐ · 名额 2/2", StringComparison.Ordinal) && text.Contains("候补：\n1. Dave ×1", StringComparison.Ordinal));
        await bot.ReplyTo(bot.Say(Alice, "/close"));

        // Bob pays his invoice; Carol does not, and is reminded privately; the organizer's view shows both.
        var bobs = await bot.PrivateMessage(Bob, m => m.Invoice is not null);
        Assert.Equal(100L, bobs.Invoice!.TotalAmount);
        var paying = bot.Telegram.PayInvoice(Bob.Id, bobs.MessageId, Bob.Id);
        Assert.True((await bot.Telegram.WaitForPreCheckoutAnswer(paying.PreCheckoutQueryId, TimeSpan.FromSeconds(10))).Ok);
        Assert.Equal("✅ 已收到 100⭐（#1「贴纸礼包」），谢谢！", (await bot.PrivateMessage(Bob, m => m.Text?.StartsWith("✅ 已收到", StringComparison.Ordinal) == true)).Text);
        Assert.DoesNotContain(bot.PrivateMessages(Dave), m => m.Invoice is not null); // waiting: not in the order

        await bot.ReplyTo(bot.Say(Alice, "/payments remind 00:00"));
        await bot.AdvanceMinutesUntil(() => bot.PrivateMessages(Carol).Any(m => m.Text?.StartsWith("⏰ 提醒", StringComparison.Ordinal) == true));

        Assert.Contains("还需付款 20⭐", bot.PrivateMessages(Carol).Single(m => m.Text?.StartsWith("⏰ 提醒", StringComparison.Ordinal) == true).Text);
        Assert.DoesNotContain(bot.PrivateMessages(Bob), m => m.Text?.StartsWith("⏰ 提醒", StringComparison.Ordinal) == true);
        Assert.Equal("Alice，付款情况已私信给你。 #1：已付 1/2 人。", (await bot.ReplyTo(bot.Say(Alice, "/payments"))).Text);
        var view = await bot.PrivateMessage(Alice, m => m.Text?.StartsWith("💰", StringComparison.Ordinal) == true);
        Assert.Contains("✅ Bob：100⭐ (Telegram Stars)", view.Text);
        Assert.Contains("❌ Carol 20⭐，未付", view.Text);
    }
}
