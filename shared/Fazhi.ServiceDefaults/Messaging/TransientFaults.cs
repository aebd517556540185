using System.Net.Sockets;
using MassTransit;
using Npgsql;

namespace Fazhi.ServiceDefaults.Messaging;

/// <summary>
/// Tells a fault that may pass — the database or the broker unreachable, a dropped connection, a timeout, a lock
/// conflict — from one that will happen again on every attempt with the same message. A consumer keeps a message
/// that hit the first kind in its queue and tries again until it passes; only the second kind ends in the _error
/// queue. When the database cannot even be reached, the message cannot be at fault, whatever the reason.
/// </summary>
public static class TransientFaults
{
    public static bool IsTransient(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is AggregateException aggregate) return aggregate.InnerExceptions.Any(IsTransient);
            if (IsTransientItself(ex)) return true;
        }
        return false;
    }

    private static bool IsTransientItself(Exception ex) => ex switch
    {
        PostgresException postgres => IsTransientPostgres(postgres),
        // Not a server error: the network, the pool, a timeout, a connection that broke mid-command.
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or TimeoutException,
        SocketException or TimeoutException or IOException => true,
        // The broker: MassTransit's connection failures (RabbitMqConnectionException derives from it) and RabbitMQ's
        // client seeing its connection or channel closed under it.
        ConnectionException => true,
        RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.AlreadyClosedException => true,
        RabbitMQ.Client.Exceptions.OperationInterruptedException => true,
        _ => false,
    };

    private static bool IsTransientPostgres(PostgresException postgres)
    {
        // A FATAL error ends the session: it is about the connection (database not accepting connections, the server
        // shutting down, too many clients, a failed login), never about the statement a message made it run.
        if (postgres.InvariantSeverity is "FATAL" or "PANIC") return true;
        var state = postgres.SqlState;
        return postgres.IsTransient
            || state.StartsWith("08", StringComparison.Ordinal) // connection exception
            || state.StartsWith("53", StringComparison.Ordinal) // insufficient resources (disk, memory, connections)
            || state.StartsWith("57P", StringComparison.Ordinal) // operator intervention: shutdown, cannot connect now
            || state.StartsWith("58", StringComparison.Ordinal) // system error (I/O)
            || state is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
                or PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.ObjectInUse
                or PostgresErrorCodes.ReadOnlySqlTransaction // a failover left us on a standby for a moment
                or PostgresErrorCodes.QueryCanceled; // statement_timeout
    }
}
