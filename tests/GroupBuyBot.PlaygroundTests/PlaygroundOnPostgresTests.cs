using GroupBuyBot.Infrastructure.Persistence.Postgres;
using GroupBuyBot.TestKit.Postgres;
using Npgsql;
using static GroupBuyBot.Playground.PlaygroundGroup;

namespace GroupBuyBot.PlaygroundTests;

/// <summary>
/// With <c>Database:Provider=Postgres</c> the playground runs on PostgreSQL, in a database of its own beside the
/// configured one, afresh each run, and never touches the configured database.
/// </summary>
[Trait("Category", "Postgres")]
public class PlaygroundOnPostgresTests
{
    [Fact]
    public async Task The_playground_keeps_its_buys_in_its_own_database_and_starts_it_afresh_each_run()
    {
        var server = await PostgresServer.Get();
        await using var configured = await server.CreateDatabase();
        await Execute(configured.ConnectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");
        var own = PostgresDatabase.PlaygroundConnectionString(configured.ConnectionString);
        Assert.Equal(configured.Name + "_playground", new NpgsqlConnectionStringBuilder(own).Database);
        try
        {
            await using (var first = await RunningPlayground.Start(postgres: own))
            {
                var telegram = first.App.Telegram;
                telegram.PostMessage(ChatId, Alice.Id, "/newbuy Rice | 40 | 3 | 2d");
                await telegram.WaitForMessage(ChatId, m => m.IsFromBot && m.Text?.StartsWith("🛒", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(15));
                var join = telegram.PostMessage(ChatId, Bob.Id, "/join 2");
                var answer = await telegram.WaitForMessage(ChatId, m => m.IsFromBot && m.ReplyToMessageId == join.MessageId, TimeSpan.FromSeconds(15));
                Assert.Contains("2 units", answer.Text);

                Assert.Equal(1L, await Scalar(own, "SELECT count(*) FROM \"GroupBuys\""));
                Assert.Equal(2L, await Scalar(own, "SELECT sum(\"Quantity\") FROM \"SignUps\""));
            }

            await using (var second = await RunningPlayground.Start(postgres: own))
            {
                Assert.Equal(0L, await Scalar(own, "SELECT count(*) FROM \"GroupBuys\"")); // afresh, migrated again
                var telegram = second.App.Telegram;
                var help = telegram.PostMessage(ChatId, Bob.Id, "/help");
                await telegram.WaitForMessage(ChatId, m => m.IsFromBot && m.ReplyToMessageId == help.MessageId, TimeSpan.FromSeconds(15));
            }

            Assert.Equal(7, await Scalar(configured.ConnectionString, "SELECT id FROM kept"));
            Assert.Equal(0L, await Scalar(configured.ConnectionString,
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'kept'"));
        }
        finally
        {
            await Execute(new NpgsqlConnectionStringBuilder(own) { Database = "postgres", Pooling = false }.ConnectionString,
                $"DROP DATABASE IF EXISTS \"{configured.Name}_playground\" WITH (FORCE)");
        }
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
