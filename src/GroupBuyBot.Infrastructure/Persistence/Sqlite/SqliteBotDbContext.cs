using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Persistence.Sqlite;

/// <summary>The bot's model on SQLite; its migrations are in <c>Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqliteBotDbContext(DbContextOptions<SqliteBotDbContext> options) : BotDbContext(options);
