using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.ServiceDefaults.Hosting;

/// <summary>
/// A list of small immutable records always read and written with its aggregate (a case's notices, suspensions,
/// problems): one jsonb column, no join, compared by content so that change detection sees an edit.
/// </summary>
public static class JsonColumn
{
    public static PropertyBuilder<List<T>> HasJsonColumn<T>(this PropertyBuilder<List<T>> property, string column, JsonSerializerOptions options) =>
        property.HasColumnName(column).HasColumnType("jsonb").HasConversion(
            list => JsonSerializer.Serialize(list, options),
            json => JsonSerializer.Deserialize<List<T>>(json, options) ?? new List<T>(),
            new ValueComparer<List<T>>(
                (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
                list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                list => list.ToList()));
}
