using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.Infrastructure.Persistence.Sqlite;
using GroupBuyBot.TestKit;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.IntegrationTests.Persistence;

/// <summary>The connection pragmas are set once per native connection; a pooled reuse must still have them.</summary>
public class SqliteConnectionTests
{
    [Fact]
    public async Task A_pooled_connection_keeps_its_busy_timeout_synchronous_mode_and_foreign_keys()
    {
        using var folder = new TempDirectory();
        var sqlite = new SqliteDatabase(new DatabaseOptions { DataDirectory = folder.Path, BusyTimeoutMs = 4321 });

        for (var open = 1; open <= 3; open++)
        {
            await using var db = sqlite.CreateContext();
            Assert.Equal(4321L, await Pragma(db, "busy_timeout"));
            Assert.Equal(1L, await Pragma(db, "synchronous")); // NORMAL
            Assert.Equal(1L, await Pragma(db, "foreign_keys"));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static async Task<long> Pragma(BotDbContext db, string name)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
