using Npgsql;

namespace NetworkCenter.Web.Hosting;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>The database holder and one <see cref="NpgsqlDataSource"/> over it, opened only after start-up settled it.</summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection(DatabaseOptions.Section));
        builder.Services.AddSingleton<NetworkCenterDatabase>();
        builder.Services.AddSingleton(sp =>
        {
            var connection = new NpgsqlConnectionStringBuilder(sp.GetRequiredService<NetworkCenterDatabase>().ConnectionString);
            // Every command runs the same few dozen statements: prepared once per pooled connection, they skip parsing
            // and planning. A connection string that sets its own value keeps it.
            if (connection.MaxAutoPrepare == 0)
            {
                connection.MaxAutoPrepare = 100;
            }
            // The service leaves no session state behind (advisory locks are per transaction, no SET, no LISTEN on
            // these connections), so the DISCARD ALL on every return to the pool is a statement for nothing, and it
            // would drop the prepared statements.
            connection.NoResetOnClose = true;
            return NpgsqlDataSource.Create(connection);
        });
        return builder;
    }
}
