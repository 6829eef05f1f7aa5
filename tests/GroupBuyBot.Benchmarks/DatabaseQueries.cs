using System.Data.Common;
using System.Globalization;

namespace GroupBuyBot.Benchmarks;

/// <summary>The few reads of the bot's database the scenarios make, the same on SQLite and PostgreSQL.</summary>
internal static class DatabaseQueries
{
    public static DbCommand Query(this DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>A count or a sum: <c>integer</c> on SQLite, <c>bigint</c> or <c>numeric</c> on PostgreSQL.</summary>
    public static int Int(this DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
