using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the bot.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<BotDbContext>
{
    public BotDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<BotDbContext>();
        SqliteDatabase.Configure(builder, new DatabaseOptions { DataDirectory = Path.GetTempPath() });
        return new BotDbContext(builder.Options);
    }
}
