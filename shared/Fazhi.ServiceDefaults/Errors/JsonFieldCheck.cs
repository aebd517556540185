using System.Globalization;
using System.Text.Json;
using Fazhi.ServiceDefaults.Auth;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Code = Google.Rpc.Code;

namespace Fazhi.ServiceDefaults.Errors;

/// <summary>
/// Checks a JSON request against its gRPC method's request message before transcoding reads it, so that what
/// transcoding would silently drop or refuse without naming anything is refused as INVALID_INPUT naming the field:
/// a property the message does not have (transcoding ignores it, and the call would go through), a value of the wrong
/// JSON type or out of its number's range, an enum name or number the enum does not define; in the body, the query
/// and the path. A body that is not JSON at all is left to transcoding (REQUEST_BODY_INVALID). gRPC calls are not
/// affected: their messages cannot carry these mistakes.
/// </summary>
public sealed class JsonFieldCheck(RequestDelegate next, FazhiServiceInfo? service = null)
{
    private readonly string _domain = ErrorStatus.Domain(service?.Name ?? "fazhi");

    public async Task InvokeAsync(HttpContext context)
    {
        var transcoded = context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>();
        if (transcoded is null)
        {
            await next(context);
            return;
        }
        var input = transcoded.MethodDescriptor.InputType;
        var violations = new List<FieldViolation>();
        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (value is string text && Find(input, key) is { } field) CheckText(field, key, text, violations);
        }
        foreach (var (key, values) in context.Request.Query)
        {
            // A nested query name (a.b) names a field of a message field; only the first part is checked.
            var name = key.Split('.')[0];
            if (Find(input, name) is not { } field) violations.Add(new FieldViolation(key, "is not a field of this request"));
            else if (field.FieldType != FieldType.Message) foreach (var text in values) CheckText(field, key, text ?? "", violations);
        }
        if (transcoded.HttpRule.Body == "*" && context.Request.ContentLength is not 0)
        {
            context.Request.EnableBuffering();
            try
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
                CheckMessage(input, body.RootElement, "", violations);
            }
            catch (JsonException)
            {
                // Not JSON (or not UTF-8): transcoding refuses it as REQUEST_BODY_INVALID.
            }
            context.Request.Body.Position = 0;
        }
        if (violations.Count == 0)
        {
            await next(context);
            return;
        }
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        var status = ErrorStatus.Create(Code.InvalidArgument,
            "Invalid request: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")), _domain, ErrorReasons.InvalidInput,
            [new("fields", string.Join(",", violations.Select(v => v.Field).Distinct()))], badRequest);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(ErrorStatus.ToJson(status), context.RequestAborted);
    }

    private static FieldDescriptor? Find(MessageDescriptor message, string name) =>
        message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name || f.Name == name);

    private static void CheckMessage(MessageDescriptor message, JsonElement value, string path, List<FieldViolation> violations)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            violations.Add(new FieldViolation(path.Length == 0 ? "body" : path, "must be a JSON object"));
            return;
        }
        foreach (var property in value.EnumerateObject())
        {
            var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            if (Find(message, property.Name) is not { } field)
            {
                violations.Add(new FieldViolation(name, "is not a field of this request"));
                continue;
            }
            if (property.Value.ValueKind == JsonValueKind.Null) continue;
            if (field.IsMap) continue;
            if (field.IsRepeated)
            {
                if (property.Value.ValueKind != JsonValueKind.Array)
                {
                    violations.Add(new FieldViolation(name, "must be a JSON array"));
                    continue;
                }
                var i = 0;
                foreach (var item in property.Value.EnumerateArray()) CheckValue(field, item, $"{name}[{i++}]", violations);
            }
            else CheckValue(field, property.Value, name, violations);
        }
    }

    private static void CheckValue(FieldDescriptor field, JsonElement value, string path, List<FieldViolation> violations)
    {
        string? problem = field.FieldType switch
        {
            FieldType.String or FieldType.Bytes => value.ValueKind == JsonValueKind.String ? null : "must be a string",
            FieldType.Bool => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false",
            FieldType.Enum => value.ValueKind switch
            {
                JsonValueKind.String => field.EnumType.FindValueByName(value.GetString()!) is null ? $"'{Clip(value.GetString()!)}' is not one of its values" : null,
                JsonValueKind.Number => value.TryGetInt32(out var n) && field.EnumType.FindValueByNumber(n) is not null ? null : "is not one of its values",
                _ => "must be the name of one of its values",
            },
            FieldType.Message when field.MessageType.File.Package == "google.protobuf" => null, // well-known types: their own JSON forms
            FieldType.Message => Nested(field, value, path, violations),
            _ => value.ValueKind switch
            {
                JsonValueKind.Number => NumberProblem(field.FieldType, value.GetRawText()),
                JsonValueKind.String => NumberProblem(field.FieldType, value.GetString()!),
                _ => "must be a number",
            },
        };
        if (problem is not null) violations.Add(new FieldViolation(path, problem));
    }

    private static string? Nested(FieldDescriptor field, JsonElement value, string path, List<FieldViolation> violations)
    {
        CheckMessage(field.MessageType, value, path, violations);
        return null;
    }

    private static void CheckText(FieldDescriptor field, string path, string text, List<FieldViolation> violations)
    {
        var problem = field.FieldType switch
        {
            FieldType.String or FieldType.Bytes or FieldType.Message => null,
            FieldType.Bool => text is "true" or "false" ? null : "must be true or false",
            FieldType.Enum => field.EnumType.FindValueByName(text) is not null
                || (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && field.EnumType.FindValueByNumber(n) is not null)
                ? null : $"'{Clip(text)}' is not one of its values",
            _ => NumberProblem(field.FieldType, text),
        };
        if (problem is not null) violations.Add(new FieldViolation(path, problem));
    }

    private static string? NumberProblem(FieldType type, string text)
    {
        const NumberStyles integer = NumberStyles.AllowLeadingSign;
        var ok = type switch
        {
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.TryParse(text, integer, CultureInfo.InvariantCulture, out _),
            FieldType.UInt32 or FieldType.Fixed32 => uint.TryParse(text, integer, CultureInfo.InvariantCulture, out _),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.TryParse(text, integer, CultureInfo.InvariantCulture, out _),
            FieldType.UInt64 or FieldType.Fixed64 => ulong.TryParse(text, integer, CultureInfo.InvariantCulture, out _),
            _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || text is "NaN" or "Infinity" or "-Infinity",
        };
        return ok ? null : type is FieldType.Double or FieldType.Float ? "must be a number" : "must be a whole number within its range";
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
