using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GroupBuyBot.PlaygroundTests;

/// <summary>The playground page in a real browser, as a newcomer uses it.</summary>
public class PlaygroundBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_members_write_one_taps_Join_the_other_replies_plus_one_and_the_list_updates_in_place()
    {
        await using var playground = await RunningPlayground.Start(chatLanguage: "en");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        page.SetDefaultTimeout(10_000);
        await page.GotoAsync(new Uri(playground.BaseUrl, "?lang=en").ToString());

        // Alice (an administrator) opens a buy.
        await Member(page, "Alice").ClickAsync();
        await page.Locator("#group-input").FillAsync("/newbuy Navel oranges | 60 | 3 | 2d");
        await page.Locator("#group-send").ClickAsync();
        var list = page.Locator(".msg.bot", new PageLocatorOptions { HasTextString = "🛒" });
        await Assertions.Expect(list).ToContainTextAsync("Navel oranges");

        // Bob taps Join on the list: the bot's answer pops up and the list shows him.
        await Member(page, "Bob").ClickAsync();
        await list.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Join", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#toast")).ToHaveTextAsync("You're in: 1 unit.");
        await Assertions.Expect(list).ToContainTextAsync("1. Bob ×1");

        // Carol replies "+1" to the list.
        await Member(page, "Carol").ClickAsync();
        await list.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Reply" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reply-bar")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#reply-author")).ToHaveTextAsync("GroupBuyBot");
        await page.Locator("#group-input").FillAsync("+1");
        await page.Locator("#group-send").ClickAsync();
        await Assertions.Expect(page.Locator("#reply-bar")).ToBeHiddenAsync();
        await Assertions.Expect(list).ToContainTextAsync("2. Carol ×1");
        await Assertions.Expect(list).ToContainTextAsync("1 more to form the group");
        await Assertions.Expect(page.Locator(".msg.mine", new PageLocatorOptions { HasTextString = "+1" }).Locator(".quote")).ToContainTextAsync("GroupBuyBot");

        // The list was edited in place: still one list message, marked edited.
        await Assertions.Expect(list).ToHaveCountAsync(1);
        await Assertions.Expect(list.Locator(".edited")).ToBeVisibleAsync();

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("playground-desktop.png") });

        // A phone-sized window shows one panel at a time; the list is still readable there.
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.Locator(".tabs-mobile")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".needs-panel")).ToBeHiddenAsync();
        await Assertions.Expect(list).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("playground-phone.png") });
        output.WriteLine($"Screenshots: {Path.GetDirectoryName(Browser.ScreenshotPath("x"))}");
    }

    [Fact]
    public async Task The_controls_add_a_member_make_an_admin_fast_forward_open_a_private_chat_and_switch_to_chinese()
    {
        await using var playground = await RunningPlayground.Start(chatLanguage: "zh");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        page.SetDefaultTimeout(10_000);
        await page.GotoAsync(new Uri(playground.BaseUrl, "?lang=en").ToString());

        // A new member joins the group and is made an administrator: the emulator knows, and so does the bot.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync("Frank");
        await page.Locator("#add-member").ClickAsync();
        await Assertions.Expect(Member(page, "Frank")).ToHaveAttributeAsync("aria-checked", "true");
        await page.Locator("#toggle-admin").ClickAsync();
        await Assertions.Expect(Member(page, "Frank").Locator(".badge")).ToBeVisibleAsync();
        var frank = playground.App.Telegram.GetUsers().Single(u => u.FirstName == "Frank");
        Assert.Equal(GroupBuyBot.BotApiEmulator.Models.MemberStatus.Administrator,
            playground.App.Telegram.GetChat(GroupBuyBot.Playground.PlaygroundGroup.ChatId)!.Members[frank.Id]);

        // As an administrator Frank may open a buy.
        await page.Locator("#group-input").FillAsync("/newbuy 赣南脐橙 | 60 | 3 | 2d");
        await page.Locator("#group-send").ClickAsync();
        await Assertions.Expect(page.Locator(".msg.bot", new PageLocatorOptions { HasTextString = "团购 #1：赣南脐橙" })).ToContainTextAsync("团长：Frank");

        // Fast-forward one day.
        await page.Locator("[data-advance='86400']").ClickAsync();
        await Assertions.Expect(page.Locator("#clock-ahead")).ToHaveTextAsync("(1d 0h ahead)");
        Assert.InRange(playground.App.Clock.Offset, TimeSpan.FromDays(1), TimeSpan.FromDays(1));

        // Frank opens a private chat with the bot; it is listed and shows his /start.
        await page.Locator("#start-private").ClickAsync();
        await Assertions.Expect(page.Locator("#private-list")).ToContainTextAsync("Frank");
        await Assertions.Expect(page.Locator("#private-messages")).ToContainTextAsync("/start");

        // The page switches to Chinese; the need board (discovery is on) has noticed nothing in commands alone.
        await page.Locator("#lang-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#group-send")).ToHaveTextAsync("发送");
        await Assertions.Expect(page.Locator("#needs")).ToContainTextAsync("还没有发现需求");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("playground-zh.png") });
    }

    [Fact]
    public async Task A_member_pays_the_invoice_of_a_formed_buy_in_stars_from_the_private_chat()
    {
        await using var playground = await RunningPlayground.Start(chatLanguage: "en");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        page.SetDefaultTimeout(10_000);
        await page.GotoAsync(new Uri(playground.BaseUrl, "?lang=en").ToString());

        async Task Send(string text)
        {
            await page.Locator("#group-input").FillAsync(text);
            await page.Locator("#group-send").ClickAsync();
        }

        // Bob opens his private chat with the bot (so the invoice can reach him) and joins a buy priced in Stars.
        await Member(page, "Alice").ClickAsync();
        await Send("/newbuy Sticker pack | 50⭐ | 1 | 2d");
        await Send("/payments online");
        await Assertions.Expect(page.Locator(".msg.bot", new PageLocatorOptions { HasTextString = "each member gets a Telegram invoice" })).ToBeVisibleAsync();
        await Member(page, "Bob").ClickAsync();
        await page.Locator("#start-private").ClickAsync();
        await Send("/join 1");
        await Member(page, "Alice").ClickAsync();
        await Send("/close");

        // Bob pays in his private chat: the bot lets the checkout go ahead and sends the receipt.
        await Member(page, "Bob").ClickAsync();
        var invoice = page.Locator("#private-messages .msg", new PageLocatorOptions { HasTextString = "🧾" });
        await invoice.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Pay 50 ⭐" }).ClickAsync();
        await Assertions.Expect(page.Locator("#toast")).ToHaveTextAsync("Paid.");
        await Assertions.Expect(page.Locator("#private-messages")).ToContainTextAsync("✅ Received 50⭐ for #1 “Sticker pack”. Thank you!");
    }

    private static ILocator Member(IPage page, string name) => page.Locator($"#member-chips [data-member='{name}']");
}
