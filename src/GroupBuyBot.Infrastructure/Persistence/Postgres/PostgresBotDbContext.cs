using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Persistence.Postgres;

/// <summary>The bot's model on PostgreSQL; its migrations are in <c>Persistence/Migrations/Postgres</c>.</summary>
public sealed class PostgresBotDbContext(DbContextOptions<PostgresBotDbContext> options) : BotDbContext(options);
