using NetworkCenter.Supervision.Mail.Outbox;
using Npgsql;

namespace NetworkCenter.Supervision.Procedures;

/// <summary>
/// One transaction for what a service-task handler decides: its domain rows and the mail it sends, committed together,
/// then delivered. Handlers run at least once, so every mail carries an idempotency key naming the decision.
/// </summary>
internal sealed class ProcedureWork(NpgsqlDataSource dataSource, MailOutbox outbox, MailDelivery delivery, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, List<OutgoingMail>, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var mails = new List<OutgoingMail>();
        var result = await work(connection, transaction, mails);
        var ids = new List<long>();
        foreach (var mail in mails)
        {
            // An existing row is dispatched again too: a crash after the first commit may have lost its dispatch.
            ids.Add((await outbox.EnqueueAsync(connection, transaction, mail, cancellationToken)).Id);
        }
        await transaction.CommitAsync(cancellationToken);
        delivery.Dispatch(ids);
        return result;
    }
}
