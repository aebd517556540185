using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Fazhi.ServiceDefaults.Hosting;

/// <summary>
/// Writes the entities a context tracks as added or modified in one transaction and one round trip: an INSERT or
/// UPDATE per entity, built once per entity type from EF's model (tables, columns, value converters, concurrency
/// tokens) and sent as one <see cref="NpgsqlBatch"/>. It does what SaveChanges does for the group commit's plain
/// aggregates and append-only rows, without SaveChanges' per-entity bookkeeping, which was a third of the command
/// path's CPU. The caller detects changes first; keys come from the application; nothing is read back
/// (database-generated columns, such as the outbox's sequence, are left to their defaults); and the context is not
/// reset afterwards: it is meant to be discarded.
/// Errors match SaveChanges': a rejected statement is a <see cref="DbUpdateException"/> around the
/// <see cref="PostgresException"/>, and an update whose concurrency token no longer matches is a
/// <see cref="DbUpdateConcurrencyException"/>; either way nothing is written.
/// </summary>
public static class BatchedSave
{
    private static readonly ConcurrentDictionary<IEntityType, EntitySql> Statements = new();
    private static readonly NpgsqlCommand ParameterFactory = new();

    /// <summary>
    /// Saves the tracked added and modified entities and then inserts <paramref name="appended"/>: rows of mapped types
    /// that are written once and never tracked (audit entries, outbox rows), which spares them EF's attach and snapshot.
    /// </summary>
    public static async Task<int> SaveAsync(DbContext context, IReadOnlyList<object> appended, CancellationToken cancellationToken)
    {
        var entries = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        if (entries.Count == 0 && appended.Count == 0) return 0;

        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)context.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var entry in entries)
            {
                var sql = Statements.GetOrAdd(entry.Metadata, EntitySql.For);
                batch.BatchCommands.Add(entry.State == EntityState.Added ? sql.Insert(p => entry.CurrentValues[p]) : sql.Update(entry));
            }
            foreach (var row in appended)
            {
                var type = context.Model.FindEntityType(row.GetType())
                    ?? throw new InvalidOperationException($"{row.GetType()} is not mapped in {context.GetType().Name}.");
                batch.BatchCommands.Add(Statements.GetOrAdd(type, EntitySql.For).Insert(p => p.GetGetter().GetClrValue(row)));
            }

            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex)
            {
                throw new DbUpdateException($"The database refused a change: {ex.MessageText}", ex);
            }
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].State == EntityState.Modified && batch.BatchCommands[i].RecordsAffected != 1)
                {
                    throw new DbUpdateConcurrencyException(
                        $"{entries[i].Metadata.ClrType.Name} was changed or deleted by someone else since it was loaded.");
                }
            }
            await transaction.CommitAsync(cancellationToken);
            return entries.Count + appended.Count;
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The INSERT and UPDATE of one entity type, with the properties their parameters come from, in order.</summary>
    private sealed class EntitySql
    {
        private readonly string _insert;
        private readonly IProperty[] _inserted;
        private readonly string _update;
        private readonly IProperty[] _set;
        private readonly IProperty[] _matched;

        private EntitySql(string insert, IProperty[] inserted, string update, IProperty[] set, IProperty[] matched) =>
            (_insert, _inserted, _update, _set, _matched) = (insert, inserted, update, set, matched);

        public static EntitySql For(IEntityType type)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var name = (type.GetSchema() is { } schema ? Quote(schema) + "." : "") + Quote(table.Name);
            string Column(IProperty p) => Quote(p.GetColumnName(table)!);

            var stored = type.GetProperties().Where(p => p.GetColumnName(table) is not null).ToArray();
            // Database-generated on insert (an identity sequence): left to the database, as SaveChanges would.
            var inserted = stored.Where(p => p.ValueGenerated == ValueGenerated.Never || p.IsPrimaryKey()).ToArray();
            var key = type.FindPrimaryKey()!.Properties.ToArray();
            var set = inserted.Where(p => !p.IsPrimaryKey()).ToArray();
            var matched = key.Concat(stored.Where(p => p.IsConcurrencyToken && !p.IsPrimaryKey())).ToArray();

            var insert = $"INSERT INTO {name} ({string.Join(", ", inserted.Select(Column))}) VALUES ({string.Join(", ", inserted.Select((_, i) => "$" + (i + 1)))})";
            var update = $"UPDATE {name} SET {string.Join(", ", set.Select((p, i) => $"{Column(p)} = ${i + 1}"))} "
                + $"WHERE {string.Join(" AND ", matched.Select((p, i) => $"{Column(p)} = ${set.Length + i + 1}"))}";
            return new EntitySql(insert, inserted, update, set, matched);
        }

        public NpgsqlBatchCommand Insert(Func<IProperty, object?> valueOf)
        {
            var command = new NpgsqlBatchCommand(_insert);
            foreach (var property in _inserted) command.Parameters.Add(Parameter(property, valueOf(property)));
            return command;
        }

        /// <summary>Sets every column (PostgreSQL writes a whole new row version either way) where key and tokens still match.</summary>
        public NpgsqlBatchCommand Update(EntityEntry entry)
        {
            var command = new NpgsqlBatchCommand(_update);
            foreach (var property in _set) command.Parameters.Add(Parameter(property, entry.CurrentValues[property]));
            foreach (var property in _matched) command.Parameters.Add(Parameter(property, entry.OriginalValues[property]));
            return command;
        }

        private static DbParameter Parameter(IProperty property, object? value) =>
            // EF's own type mapping: applies the value converter and sets the store type (json, arrays, enums as text).
            property.GetRelationalTypeMapping().CreateParameter(ParameterFactory, "", value, property.IsNullable);

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
    }
}
