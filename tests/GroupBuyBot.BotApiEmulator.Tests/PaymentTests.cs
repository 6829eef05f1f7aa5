using GroupBuyBot.BotApiEmulator.Models;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.Payments;
using Telegram.Bot.Types.ReplyMarkups;

namespace GroupBuyBot.BotApiEmulator.Tests;

/// <summary>Invoices, pre-checkout queries, successful payments and Star refunds, through the real Telegram.Bot client.</summary>
public sealed class PaymentTests : EmulatorTestBase
{
    private const string TestProviderToken = "284685063:TEST:provider";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
    private int _offset;

    protected override BotApiEmulatorOptions CreateOptions() => new()
    {
        BotToken = Token,
        BotUsername = "GroupBuyTestBot",
        TimeProvider = _clock,
        OnAdvanceTime = by =>
        {
            _clock.Advance(by);
            return Task.CompletedTask;
        },
    };

    /// <summary>The updates since the last call, confirming the earlier ones as a polling bot does.</summary>
    private async Task<Update[]> NewUpdates()
    {
        var updates = await Bot.GetUpdates(offset: _offset);
        if (updates.Length > 0)
        {
            _offset = updates[^1].Id + 1;
        }

        return updates;
    }

    /// <summary>Alice opens the private chat and the bot sends her a Stars invoice there.</summary>
    private async Task<Message> SendStarsInvoiceToAlice(string payload = "buy:7:alice")
    {
        Emulator.State.StartBot(Alice);
        await NewUpdates();
        return await Bot.SendInvoice(Alice, "Rice 5 kg", "Two bags of rice", payload, "XTR", [new LabeledPrice("Rice", 250)]);
    }

    [Fact]
    public async Task An_invoice_is_stored_as_a_bot_message_with_its_invoice()
    {
        var sent = await Bot.SendInvoice(GroupId, "Rice 5 kg", "Two bags", "buy:7", "USD",
            [new LabeledPrice("Rice", 1999), new LabeledPrice("Delivery", 500)], providerToken: TestProviderToken,
            startParameter: "buy7", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithPay("Pay $24.99")));

        Assert.Equal("Rice 5 kg", sent.Invoice!.Title);
        Assert.Equal("Two bags", sent.Invoice.Description);
        Assert.Equal("USD", sent.Invoice.Currency);
        Assert.Equal(2499, sent.Invoice.TotalAmount);
        Assert.Equal("buy7", sent.Invoice.StartParameter);
        Assert.True(sent.ReplyMarkup!.InlineKeyboard.Single().Single().Pay);

        var seen = Emulator.State.GetMessage(GroupId, sent.MessageId)!;
        Assert.True(seen.IsFromBot);
        Assert.Null(seen.Text);
        Assert.Equal(new EmulatedInvoice("Rice 5 kg", "Two bags", "USD", 2499, "buy:7", "buy7", seen.Invoice!.Prices), seen.Invoice);
        Assert.Equal([new EmulatedLabeledPrice("Rice", 1999), new EmulatedLabeledPrice("Delivery", 500)], seen.Invoice.Prices);
        Assert.Equal("Pay $24.99", seen.Buttons.Single().Single().Text);
        Assert.Throws<EmulatorDriverException>(() => Emulator.State.TapButton(GroupId, sent.MessageId, Bob, buttonText: "Pay $24.99"));
        var noText = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageText(GroupId, sent.MessageId, "Rice 6 kg"));
        Assert.Equal("Bad Request: there is no text in the message to edit", noText.Message);
    }

    [Fact]
    public async Task Paying_sends_a_pre_checkout_query_and_an_ok_answer_a_successful_payment_with_a_charge_id()
    {
        var invoice = await SendStarsInvoiceToAlice();

        var payment = Emulator.State.PayInvoice(Alice, invoice.MessageId, Alice);
        var query = Assert.Single(await NewUpdates());
        Assert.Equal(payment.UpdateId, query.Id);
        Assert.Equal(UpdateType.PreCheckoutQuery, query.Type);
        Assert.Equal(payment.PreCheckoutQueryId, query.PreCheckoutQuery!.Id);
        Assert.Equal(Alice, query.PreCheckoutQuery.From.Id);
        Assert.Equal("XTR", query.PreCheckoutQuery.Currency);
        Assert.Equal(250, query.PreCheckoutQuery.TotalAmount);
        Assert.Equal("buy:7:alice", query.PreCheckoutQuery.InvoicePayload);
        Assert.False(Emulator.State.GetPreCheckoutAnswer(payment.PreCheckoutQueryId)!.Answered);
        Assert.Null(Emulator.State.GetSuccessfulPayment(payment.PreCheckoutQueryId));

        await Bot.AnswerPreCheckoutQuery(payment.PreCheckoutQueryId);

        var paid = Assert.Single(await NewUpdates()).Message!;
        Assert.Equal(MessageType.SuccessfulPayment, paid.Type);
        Assert.Equal(Alice, paid.From!.Id);
        Assert.Equal(Alice, paid.Chat.Id);
        Assert.Equal("tg_charge_1", paid.SuccessfulPayment!.TelegramPaymentChargeId);
        Assert.Equal("", paid.SuccessfulPayment.ProviderPaymentChargeId);
        Assert.Equal(250, paid.SuccessfulPayment.TotalAmount);
        Assert.Equal("buy:7:alice", paid.SuccessfulPayment.InvoicePayload);

        var answer = Emulator.State.GetPreCheckoutAnswer(payment.PreCheckoutQueryId)!;
        Assert.True(answer is { Answered: true, Ok: true, ErrorMessage: null, TelegramPaymentChargeId: "tg_charge_1" });
        var record = Emulator.State.GetSuccessfulPayment(payment.PreCheckoutQueryId)!;
        Assert.Equal(new SuccessfulPaymentRecord(payment.PreCheckoutQueryId, Alice, paid.MessageId, Alice, "XTR", 250, "buy:7:alice",
            "tg_charge_1", "", _clock.GetUtcNow()), record);
        Assert.Equal([record], Emulator.State.GetSuccessfulPayments());
        Assert.Equal("successful_payment", Emulator.State.GetMessage(Alice, paid.MessageId)!.ServiceEvent);
    }

    [Fact]
    public async Task A_group_invoice_is_paid_in_the_group_with_a_provider_charge_id_and_only_once_per_member()
    {
        var invoice = await Bot.SendInvoice(GroupId, "Rice", "A bag", "buy:8", "EUR", [new LabeledPrice("Rice", 1200)], providerToken: TestProviderToken);

        var payment = Emulator.State.PayInvoice(GroupId, invoice.MessageId, Bob);
        await NewUpdates();
        await Bot.AnswerPreCheckoutQuery(payment.PreCheckoutQueryId);

        var paid = Assert.Single(await NewUpdates()).Message!;
        Assert.Equal(GroupId, paid.Chat.Id);
        Assert.Equal(Bob, paid.From!.Id);
        Assert.Equal("prov_charge_1", paid.SuccessfulPayment!.ProviderPaymentChargeId);
        Assert.Equal("EUR", paid.SuccessfulPayment.Currency);
        Assert.Throws<EmulatorDriverException>(() => Emulator.State.PayInvoice(GroupId, invoice.MessageId, Bob));
        Emulator.State.PayInvoice(GroupId, invoice.MessageId, Alice);
    }

    [Fact]
    public async Task A_refusal_leads_to_no_payment_and_needs_an_error_message()
    {
        var invoice = await SendStarsInvoiceToAlice();
        var payment = Emulator.State.PayInvoice(Alice, invoice.MessageId, Alice);
        await NewUpdates();

        var noReason = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerPreCheckoutQuery(payment.PreCheckoutQueryId, ""));
        await Bot.AnswerPreCheckoutQuery(payment.PreCheckoutQueryId, "Sorry, the buy is full");

        Assert.Equal("Bad Request: error_message is empty", noReason.Message);
        Assert.Empty(await NewUpdates());
        var answer = Emulator.State.GetPreCheckoutAnswer(payment.PreCheckoutQueryId)!;
        Assert.True(answer is { Answered: true, Ok: false, ErrorMessage: "Sorry, the buy is full", TelegramPaymentChargeId: null });
        Assert.Null(Emulator.State.GetSuccessfulPayment(payment.PreCheckoutQueryId));
        Assert.Empty(Emulator.State.GetSuccessfulPayments());
    }

    [Fact]
    public async Task A_declined_card_leads_to_no_payment_after_an_ok_answer()
    {
        var invoice = await SendStarsInvoiceToAlice();
        var payment = Emulator.State.PayInvoice(Alice, invoice.MessageId, Alice, cardDeclined: true);
        await NewUpdates();

        await Bot.AnswerPreCheckoutQuery(payment.PreCheckoutQueryId);

        Assert.Empty(await NewUpdates());
        Assert.True(Emulator.State.GetPreCheckoutAnswer(payment.PreCheckoutQueryId) is { Answered: true, Ok: true, CardDeclined: true });
        Assert.Null(Emulator.State.GetSuccessfulPayment(payment.PreCheckoutQueryId));
        Emulator.State.PayInvoice(Alice, invoice.MessageId, Alice); // declined: she may try again
    }

    [Fact]
    public async Task An_answer_later_than_ten_seconds_a_second_answer_and_an_unknown_id_are_refused()
    {
        var invoice = await SendStarsInvoiceToAlice();
        var late = Emulator.State.PayInvoice(Alice, invoice.MessageId, Alice);
        var onTime = Emulator.State.PayInvoice(Alice, invoice.MessageId, Alice);
        await Emulator.State.AdvanceTime(TimeSpan.FromSeconds(10));
        await Bot.AnswerPreCheckoutQuery(onTime.PreCheckoutQueryId, "No stock");
        await Emulator.State.AdvanceTime(TimeSpan.FromMilliseconds(1));

        var tooLate = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerPreCheckoutQuery(late.PreCheckoutQueryId));
        var twice = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerPreCheckoutQuery(onTime.PreCheckoutQueryId, "Again"));
        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerPreCheckoutQuery("42"));

        const string invalid = "Bad Request: query is too old and response timeout expired or query ID is invalid";
        Assert.All(new[] { tooLate, twice, unknown }, error => Assert.Equal((400, invalid), (error.ErrorCode, error.Message)));
        Assert.False(Emulator.State.GetPreCheckoutAnswer(late.PreCheckoutQueryId)!.Answered);
        Assert.Equal("No stock", Emulator.State.GetPreCheckoutAnswer(onTime.PreCheckoutQueryId)!.ErrorMessage);
        Assert.Empty(Emulator.State.GetSuccessfulPayments());
    }

    [Fact]
    public async Task Waiting_for_an_answer_returns_once_the_bot_answers_and_times_out_otherwise()
    {
        var invoice = await SendStarsInvoiceToAlice();
        var answered = Emulator.State.PayInvoice(Alice, invoice.MessageId, Alice);
        var ignored = Emulator.State.PayInvoice(Alice, invoice.MessageId, Alice);

        var waiting = Emulator.State.WaitForPreCheckoutAnswer(answered.PreCheckoutQueryId, TimeSpan.FromSeconds(5));
        Assert.False(waiting.IsCompleted);
        await Bot.AnswerPreCheckoutQuery(answered.PreCheckoutQueryId);

        Assert.True((await waiting).Ok);
        await Assert.ThrowsAsync<TimeoutException>(() => Emulator.State.WaitForPreCheckoutAnswer(ignored.PreCheckoutQueryId, TimeSpan.FromMilliseconds(50)));
        await Assert.ThrowsAsync<EmulatorDriverException>(() => Emulator.State.WaitForPreCheckoutAnswer("42", TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public async Task A_replay_delivers_the_same_charge_id_in_a_new_message_and_update()
    {
        var invoice = await SendStarsInvoiceToAlice();
        var payment = Emulator.State.PayInvoice(Alice, invoice.MessageId, Alice);
        await NewUpdates();
        await Bot.AnswerPreCheckoutQuery(payment.PreCheckoutQueryId);
        var first = Assert.Single(await NewUpdates());

        var replayed = Emulator.State.ReplaySuccessfulPayment("tg_charge_1");
        var again = Assert.Single(await NewUpdates());

        Assert.Equal(replayed.UpdateId, again.Id);
        Assert.NotEqual(first.Id, again.Id);
        Assert.Equal(replayed.MessageId, again.Message!.MessageId);
        Assert.NotEqual(first.Message!.MessageId, again.Message.MessageId);
        Assert.Equal("tg_charge_1", again.Message.SuccessfulPayment!.TelegramPaymentChargeId);
        Assert.Single(Emulator.State.GetSuccessfulPayments());
        Assert.Throws<EmulatorDriverException>(() => Emulator.State.ReplaySuccessfulPayment("tg_charge_99"));
    }

    [Fact]
    public async Task A_star_refund_is_recorded_once()
    {
        var invoice = await SendStarsInvoiceToAlice();
        var payment = Emulator.State.PayInvoice(Alice, invoice.MessageId, Alice);
        await Bot.AnswerPreCheckoutQuery(payment.PreCheckoutQueryId);

        await Bot.RefundStarPayment(Alice, "tg_charge_1");
        var twice = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.RefundStarPayment(Alice, "tg_charge_1"));
        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.RefundStarPayment(Alice, "tg_charge_2"));
        var otherUser = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.RefundStarPayment(Bob, "tg_charge_1"));

        Assert.Equal([new StarRefund(Alice, "tg_charge_1", 250, _clock.GetUtcNow())], Emulator.State.GetStarRefunds());
        Assert.Equal("Bad Request: CHARGE_ALREADY_REFUNDED", twice.Message);
        Assert.Equal("Bad Request: CHARGE_ID_INVALID", unknown.Message);
        Assert.Equal("Bad Request: CHARGE_ID_INVALID", otherUser.Message);
    }

    [Fact]
    public async Task Paying_what_is_not_a_payable_invoice_is_a_driver_error()
    {
        var invoice = await SendStarsInvoiceToAlice();
        var text = await Bot.SendMessage(Alice, "not an invoice");

        Assert.Throws<EmulatorDriverException>(() => Emulator.State.PayInvoice(Alice, text.MessageId, Alice));
        Assert.Throws<EmulatorDriverException>(() => Emulator.State.PayInvoice(Alice, invoice.MessageId, Bob));
        Assert.Throws<EmulatorDriverException>(() => Emulator.State.PayInvoice(Alice, 99, Alice));
    }

    [Theory]
    [InlineData("", "buy:1", "XTR", "", "parameter \"title\" is required")]
    [InlineData("Rice", "", "XTR", "", "parameter \"payload\" is required")]
    [InlineData("Rice", "buy:1", "", "", "parameter \"currency\" is required")]
    [InlineData("Rice", "buy:1", "usd", TestProviderToken, "CURRENCY_INVALID")]
    [InlineData("Rice", "buy:1", "USD", "", "PAYMENT_PROVIDER_INVALID")]
    [InlineData("Rice", "buy:1", "XTR", TestProviderToken, "PAYMENT_PROVIDER_INVALID")]
    public async Task Bad_invoice_fields_are_refused_as_Telegram_does(string title, string payload, string currency, string providerToken, string error)
    {
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() =>
            Bot.SendInvoice(GroupId, title, "A bag", payload, currency, [new LabeledPrice("Rice", 100)], providerToken: providerToken));

        Assert.Equal((400, "Bad Request: " + error), (refused.ErrorCode, refused.Message));
    }

    [Fact]
    public async Task Bad_prices_and_a_long_payload_are_refused_as_Telegram_does()
    {
        Task<Message> Send(string currency, LabeledPrice[] prices, string payload = "buy:1") =>
            Bot.SendInvoice(GroupId, "Rice", "A bag", payload, currency, prices, providerToken: currency == "XTR" ? null : TestProviderToken);

        var none = await Assert.ThrowsAsync<ApiRequestException>(() => Send("USD", []));
        var zero = await Assert.ThrowsAsync<ApiRequestException>(() => Send("USD", [new LabeledPrice("Rice", 100), new LabeledPrice("Free", 0)]));
        var negative = await Assert.ThrowsAsync<ApiRequestException>(() => Send("XTR", [new LabeledPrice("Rice", -5)]));
        var twoStarPrices = await Assert.ThrowsAsync<ApiRequestException>(() => Send("XTR", [new LabeledPrice("Rice", 100), new LabeledPrice("Tip", 5)]));
        var longPayload = await Assert.ThrowsAsync<ApiRequestException>(() => Send("XTR", [new LabeledPrice("Rice", 100)], new string('p', 129)));
        await Send("XTR", [new LabeledPrice("Rice", 100)], new string('p', 128));

        Assert.Equal("Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID", none.Message);
        Assert.Equal("Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID", zero.Message);
        Assert.Equal("Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID", negative.Message);
        Assert.Equal("Bad Request: STARS_INVOICE_INVALID", twoStarPrices.Message);
        Assert.Equal("Bad Request: INVOICE_PAYLOAD_INVALID", longPayload.Message);
    }
}
