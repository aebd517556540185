using System.Globalization;
using System.Text.RegularExpressions;

namespace Fazhi.ServiceDefaults.Errors;

/// <summary>
/// Collects every bad field of a request before refusing it, so a client fixes its input in one round trip.
/// Parsing methods return a default on failure; <see cref="ThrowIfInvalid"/> must run before the values are used.
/// </summary>
public sealed partial class InputCheck
{
    private readonly List<FieldViolation> _violations = [];

    public bool IsValid => _violations.Count == 0;

    public void Fail(string field, string description) => _violations.Add(new FieldViolation(field, description));

    public void ThrowIfInvalid()
    {
        if (_violations.Count > 0) throw new InvalidInputException(_violations);
    }

    public DateOnly Date(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, "is required (YYYY-MM-DD)");
            return default;
        }
        return OptionalDate(field, value) ?? default;
    }

    public DateOnly? OptionalDate(string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year >= 1990)
        {
            return date;
        }
        Fail(field, $"'{value}' is not a date in the form YYYY-MM-DD");
        return null;
    }

    public Guid Id(string field, string? value)
    {
        if (Guid.TryParse(value, out var id) && id != Guid.Empty) return id;
        Fail(field, string.IsNullOrEmpty(value) ? "is required" : $"'{value}' is not a valid id");
        return Guid.Empty;
    }

    public Guid RequestId(string field, string? value)
    {
        if (Guid.TryParse(value, out var id) && id != Guid.Empty) return id;
        Fail(field, string.IsNullOrEmpty(value) ? "is required: a client-chosen UUID that makes retries safe" : $"'{value}' is not a UUID");
        return Guid.Empty;
    }

    /// <summary>
    /// Free text, trimmed. Control characters other than tab, line feed and carriage return (U+0000, which PostgreSQL
    /// cannot store, U+001B …) and unpaired surrogates are refused, naming the first one's position.
    /// </summary>
    public string Text(string field, string? value, int maxLength, bool required = true)
    {
        var trimmed = value?.Trim() ?? "";
        if (required && trimmed.Length == 0) Fail(field, "is required");
        else if (trimmed.Length > maxLength) Fail(field, $"is longer than {maxLength} characters");
        else if (BadCharacter(trimmed) is { } bad) Fail(field, $"contains the character U+{(int)trimmed[bad]:X4} at position {bad}, which is not allowed in text");
        return trimmed;
    }

    /// <summary>The index of the first control character (but tab, LF, CR) or unpaired surrogate; null when none.</summary>
    internal static int? BadCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return i;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return i;
        }
        return null;
    }

    /// <summary>An organisation: a 6-digit GB/T 2260 division code, optionally followed by a department suffix.</summary>
    public string Org(string field, string? value)
    {
        if (value is not null && OrgPattern().IsMatch(value)) return value;
        Fail(field, string.IsNullOrEmpty(value)
            ? "is required"
            : $"'{value}' is not an organisation code (6-digit division code, optionally followed by up to 12 letters or digits)");
        return "";
    }

    /// <summary>An organisation or a code prefix that rolls organisations up (41 province, 4101 city).</summary>
    public string OrgPrefix(string field, string? value)
    {
        if (value is not null && OrgPrefixPattern().IsMatch(value)) return value;
        Fail(field, string.IsNullOrEmpty(value) ? "is required" : $"'{value}' is not an organisation code or prefix");
        return "";
    }

    /// <summary>A proto enum value that must be set to something other than its UNSPECIFIED zero.</summary>
    public TEnum Enum<TEnum>(string field, TEnum value) where TEnum : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value) || Convert.ToInt32(value, CultureInfo.InvariantCulture) == 0)
        {
            Fail(field, $"must be one of {string.Join(", ", System.Enum.GetValues<TEnum>().Skip(1).Select(v => ProtoEnum.Name(v)))}");
        }
        return value;
    }

    public int Range(string field, int value, int min, int max)
    {
        if (value < min || value > max) Fail(field, $"must be between {min} and {max}");
        return value;
    }

    [GeneratedRegex(@"^[0-9]{6}[0-9A-Za-z]{0,12}$")]
    private static partial Regex OrgPattern();

    [GeneratedRegex(@"^[0-9]{2,6}[0-9A-Za-z]{0,12}$")]
    private static partial Regex OrgPrefixPattern();
}
