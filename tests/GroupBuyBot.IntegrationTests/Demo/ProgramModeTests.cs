namespace GroupBuyBot.IntegrationTests.Demo;

/// <summary>Program.cs picks the mode from the arguments and the token.</summary>
public class ProgramModeTests
{
    [Fact]
    public async Task A_malformed_token_exits_2_instead_of_starting_anything()
    {
        var exitCode = await RunProgram("--GroupBuyBot:Telegram:BotToken=not-a-token");
        Assert.Equal(2, exitCode);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_exits_2_instead_of_starting_anything()
    {
        var exitCode = await RunProgram("--GroupBuyBot:Telegram:BotToken=123456:ABCdef-well-formed", "--GroupBuyBot:Database:Provider=Postgres");
        Assert.Equal(2, exitCode);
    }

    [Fact]
    public async Task The_demo_argument_runs_the_demo_not_the_playground()
    {
        // A bad demo argument answers at once with the usage code; the playground would have kept running.
        Assert.Equal(2, await RunProgram("demo", "--lang", "fr"));
    }

    private static Task<int> RunProgram(params string[] args) => Task.Run(() =>
        (int)typeof(BotHost).Assembly.EntryPoint!.Invoke(null, [args])!);
}
