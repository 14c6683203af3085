using NetworkCenter.Web.Http;
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
            var dataSource = new NpgsqlDataSourceBuilder(connection.ConnectionString);
            // A new physical connection is the database's own word that it answers again after an outage.
            var outage = sp.GetService<DatabaseOutageLog>();
            dataSource.UsePhysicalConnectionInitializer(_ => outage?.Answered(), _ =>
            {
                outage?.Answered();
                return Task.CompletedTask;
            });
            return dataSource.Build();
        });
        return builder;
    }
}
