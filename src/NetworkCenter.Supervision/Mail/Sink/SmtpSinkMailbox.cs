using MimeKit;

namespace NetworkCenter.Supervision.Mail.Sink;

/// <summary>One message the in-process SMTP sink accepted, with the envelope it came with.</summary>
public sealed record ReceivedMail(int Number, DateTimeOffset ReceivedAt, string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, MimeMessage Message);

/// <summary>What the in-process SMTP sink received, newest last; kept in memory, bounded.</summary>
public sealed class SmtpSinkMailbox
{
    private const int Capacity = 1000;
    private readonly Lock _gate = new();
    private readonly List<ReceivedMail> _messages = [];
    private int _counter;

    public event Action<ReceivedMail>? Received;

    public IReadOnlyList<ReceivedMail> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public ReceivedMail? Find(int number)
    {
        lock (_gate)
        {
            return _messages.Find(m => m.Number == number);
        }
    }

    internal ReceivedMail Add(DateTimeOffset receivedAt, string from, IReadOnlyList<string> to, MimeMessage message)
    {
        ReceivedMail mail;
        lock (_gate)
        {
            mail = new ReceivedMail(++_counter, receivedAt, from, to, message);
            _messages.Add(mail);
            if (_messages.Count > Capacity)
            {
                _messages.RemoveAt(0);
            }
        }
        Received?.Invoke(mail);
        return mail;
    }
}
