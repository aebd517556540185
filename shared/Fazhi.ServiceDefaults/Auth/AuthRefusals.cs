using System.Globalization;
using System.Text;
using Fazhi.ServiceDefaults.Errors;
using Google.Protobuf;
using Code = Google.Rpc.Code;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using Status = Google.Rpc.Status;

namespace Fazhi.ServiceDefaults.Auth;

/// <summary>
/// Answers the refusals of authentication and of the role policies in the same shape as every other error, instead
/// of a bare HTTP 401/403: on the gRPC port a proper gRPC status (UNAUTHENTICATED / PERMISSION_DENIED, grpc-message
/// and a google.rpc.Status with an ErrorInfo in grpc-status-details-bin, as a trailers-only response); on the JSON
/// port HTTP 401/403 with the google.rpc.Status as JSON transcoding writes it ({"code", "message", "details"}).
/// Reasons: TOKEN_MISSING, TOKEN_EXPIRED, TOKEN_INVALID, ORG_CLAIM_MISSING, ROLE_NOT_ALLOWED.
/// </summary>
public sealed class AuthRefusals(FazhiServiceInfo? service = null) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();
    private readonly string _domain = ErrorStatus.Domain(service?.Name ?? "fazhi");

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Challenged && !authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var status = authorizeResult.Challenged
            ? await UnauthenticatedAsync(context)
            : Forbidden(context, authorizeResult.AuthorizationFailure);
        if (IsGrpc(context.Request))
        {
            WriteGrpc(context.Response, status);
            return;
        }

        if (authorizeResult.Challenged)
        {
            // The bearer scheme's challenge: 401 with WWW-Authenticate (error="invalid_token" … for a bad token).
            await context.ChallengeAsync();
        }
        context.Response.StatusCode = authorizeResult.Challenged ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(ErrorStatus.ToJson(status), Encoding.UTF8);
    }

    private async Task<Status> UnauthenticatedAsync(HttpContext context)
    {
        string header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= "Bearer ".Length)
        {
            return ErrorStatus.Create(Code.Unauthenticated,
                "A bearer token is required (authorization: Bearer <JWT>).", _domain, ErrorReasons.TokenMissing);
        }
        // The scheme's handler remembers this request's result, so this does not validate the token again.
        var result = await context.AuthenticateAsync();
        return result.Failure is SecurityTokenExpiredException
            ? ErrorStatus.Create(Code.Unauthenticated, "The bearer token has expired.", _domain, ErrorReasons.TokenExpired)
            : ErrorStatus.Create(Code.Unauthenticated,
                "The bearer token is invalid: malformed, wrongly signed, or for another issuer or audience.", _domain, ErrorReasons.TokenInvalid);
    }

    private Status Forbidden(HttpContext context, AuthorizationFailure? failure)
    {
        var caller = Caller.From(context.User);
        var failed = failure?.FailedRequirements.ToList() ?? [];
        if (failed.OfType<ClaimsAuthorizationRequirement>().Any(r => r.ClaimType == Caller.OrgClaim) || caller.Org.Length == 0)
        {
            return ErrorStatus.Create(Code.PermissionDenied,
                "The token carries no organisation (org claim).", _domain, ErrorReasons.OrgClaimMissing);
        }
        var allowed = failed.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
        var role = caller.Role.Length == 0 ? "(none)" : caller.Role;
        var message = allowed.Count > 0
            ? $"Role {role} may not call this method; allowed: {string.Join(", ", allowed)}."
            : $"Role {role} may not call this method.";
        return ErrorStatus.Create(Code.PermissionDenied, message, _domain, ErrorReasons.RoleNotAllowed,
            new Dictionary<string, string> { ["role"] = caller.Role, ["allowedRoles"] = string.Join(",", allowed) });
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// A trailers-only gRPC response: HTTP 200 whose only headers frame holds the status, as Grpc.AspNetCore answers
    /// an error before any message.
    /// </summary>
    private static void WriteGrpc(HttpResponse response, Status status)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.Code.ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(status.Message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
    }

    /// <summary>grpc-message encoding: printable ASCII except '%' as is, everything else as %XX of its UTF-8 bytes.</summary>
    internal static string PercentEncode(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%') builder.Append((char)b);
            else builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
