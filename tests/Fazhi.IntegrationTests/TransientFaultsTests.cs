using System.Net.Sockets;
using System.Text.Json;
using Fazhi.ServiceDefaults.Messaging;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>Which consumer faults keep a message queued (transient) and which send it to _error after short retries.</summary>
public sealed class TransientFaultsTests
{
    public static TheoryData<string, Exception> Transient => new()
    {
        { "database not accepting connections", new PostgresException("database \"fazhi_reporting\" is not currently accepting connections", "FATAL", "FATAL", "55000") },
        { "session terminated by an administrator", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01") },
        { "too many connections", new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300") },
        { "deadlock", new PostgresException("deadlock detected", "ERROR", "ERROR", "40P01") },
        { "serialization failure", new PostgresException("could not serialize access", "ERROR", "ERROR", "40001") },
        { "standby after a failover", new PostgresException("cannot execute INSERT in a read-only transaction", "ERROR", "ERROR", "25006") },
        { "connection refused", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)) },
        { "broken connection", new NpgsqlException("Exception while reading from stream", new IOException("Unable to read data")) },
        { "timeout", new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt")) },
        { "wrapped", new InvalidOperationException("batch failed", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))) },
        { "broker connection", new MassTransit.RabbitMqConnectionException("Broker unreachable: guest@127.0.0.1:5672/") },
    };

    public static TheoryData<string, Exception> Permanent => new()
    {
        { "not null violation", new PostgresException("null value in column \"org\" violates not-null constraint", "ERROR", "ERROR", "23502") },
        { "unique violation", new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505") },
        { "bad SQL", new PostgresException("syntax error at or near \"SELEC\"", "ERROR", "ERROR", "42601") },
        { "unreadable payload", new JsonException("The JSON value could not be converted") },
        { "a bug", new NullReferenceException() },
        { "an invariant", new InvalidOperationException("Sequence contains no elements") },
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public void Keeps_the_message_queued_on(string fault, Exception exception) =>
        Assert.True(TransientFaults.IsTransient(exception), fault);

    [Theory]
    [MemberData(nameof(Permanent))]
    public void Dead_letters_after_short_retries_on(string fault, Exception exception) =>
        Assert.False(TransientFaults.IsTransient(exception), fault);
}
