using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Google.Rpc;
using Grpc.Core;
using Xunit;
using StatusCode = Grpc.Core.StatusCode;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Every refusal has one shape (docs/clients.md): a gRPC status with a message and a google.rpc.ErrorInfo
/// (reason, domain) in grpc-status-details-bin, or over HTTP the same google.rpc.Status as the JSON body,
/// plus PreconditionFailure / ResourceInfo / BadRequest where they fit; refusals by authentication and the role
/// policies included.
/// </summary>
public sealed class ErrorModelTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    private const string Org = "410105";
    private const string Domain = "reconsideration.fazhi.gov.cn";
    private const string ErrorInfoType = "type.googleapis.com/google.rpc.ErrorInfo";
    private const string CaseType = "type.googleapis.com/fazhi.reconsideration.v1.ReconsiderationCase";

    private ReconsiderationCases.ReconsiderationCasesClient Client(string? token) => new(system.Reconsideration.Grpc(token));

    private static CreateCaseRequest NewCase(string org = Org) => new()
    {
        RequestId = Guid.NewGuid().ToString(), Org = org, ReceivedOn = "2024-03-01",
        ApplicantType = ApplicantType.NaturalPerson, Category = ActCategory.Other, Respondent = "区政府",
    };

    private static async Task<(RpcException Error, Google.Rpc.Status Status, ErrorInfo Info)> RefusedAsync<T>(AsyncUnaryCall<T> call, StatusCode expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(expected, error.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(error.Status.Detail));
        var status = error.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)expected, status.Code);
        Assert.Equal(error.Status.Detail, status.Message);
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal(Domain, info.Domain);
        Assert.Matches("^[A-Z][A-Z0-9_]+$", info.Reason);
        return (error, status, info);
    }

    private static async Task<(JsonElement Body, JsonElement Info)> RefusedJsonAsync(HttpResponseMessage response, HttpStatusCode expected, StatusCode code)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)code, body.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        var info = Detail(body, ErrorInfoType);
        Assert.Equal(Domain, info.GetProperty("domain").GetString());
        return (body, info);
    }

    private static JsonElement Detail(JsonElement body, string type) =>
        Assert.Single(body.GetProperty("details").EnumerateArray(), d => d.GetProperty("@type").GetString() == type);

    [Fact]
    public async Task Grpc_calls_without_a_valid_token_are_unauthenticated_with_a_reason()
    {
        var (_, _, missing) = await RefusedAsync(Client(null).ListCasesAsync(new ListCasesRequest()), StatusCode.Unauthenticated);
        Assert.Equal("TOKEN_MISSING", missing.Reason);

        var (_, _, invalid) = await RefusedAsync(Client("not-a-jwt").ListCasesAsync(new ListCasesRequest()), StatusCode.Unauthenticated);
        Assert.Equal("TOKEN_INVALID", invalid.Reason);

        var wrongKey = FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, Org, key: "another-signing-key-that-fazhi-does-not-trust");
        var (_, _, signature) = await RefusedAsync(Client(wrongKey).ListCasesAsync(new ListCasesRequest()), StatusCode.Unauthenticated);
        Assert.Equal("TOKEN_INVALID", signature.Reason);

        var expired = FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, Org, TimeSpan.FromHours(1), DateTimeOffset.UtcNow.AddHours(-3));
        var (_, _, late) = await RefusedAsync(Client(expired).ListCasesAsync(new ListCasesRequest()), StatusCode.Unauthenticated);
        Assert.Equal("TOKEN_EXPIRED", late.Reason);
    }

    [Fact]
    public async Task Grpc_wrong_role_and_wrong_organisation_are_permission_denied_with_reasons()
    {
        var liaison = Client(FazhiSystem.Token(FazhiRoles.LitigationLiaison, Org));
        var (_, _, role) = await RefusedAsync(liaison.CreateCaseAsync(NewCase()), StatusCode.PermissionDenied);
        Assert.Equal("ROLE_NOT_ALLOWED", role.Reason);
        Assert.Equal(FazhiRoles.LitigationLiaison, role.Metadata["role"]);
        Assert.Contains(FazhiRoles.ReconsiderationClerk, role.Metadata["allowedRoles"].Split(','));

        var neighbour = Client(FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, "410102"));
        var (_, _, scope) = await RefusedAsync(neighbour.CreateCaseAsync(NewCase()), StatusCode.PermissionDenied);
        Assert.Equal("ORG_OUT_OF_SCOPE", scope.Reason);
        Assert.Equal("410102", scope.Metadata["callerOrg"]);
        Assert.Equal(Org, scope.Metadata["org"]);
    }

    [Fact]
    public async Task Http_refusals_by_authentication_and_roles_have_the_json_error_shape()
    {
        using var missing = await system.Reconsideration.Http(null).GetAsync($"v1/reconsideration/cases?org={Org}");
        var (_, noToken) = await RefusedJsonAsync(missing, HttpStatusCode.Unauthorized, StatusCode.Unauthenticated);
        Assert.Equal("TOKEN_MISSING", noToken.GetProperty("reason").GetString());
        Assert.Contains(missing.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");

        using var malformed = await system.Reconsideration.Http("not-a-jwt").GetAsync($"v1/reconsideration/cases?org={Org}");
        var (_, badToken) = await RefusedJsonAsync(malformed, HttpStatusCode.Unauthorized, StatusCode.Unauthenticated);
        Assert.Equal("TOKEN_INVALID", badToken.GetProperty("reason").GetString());

        var viewer = system.Reconsideration.Http(FazhiSystem.Token(FazhiRoles.StatisticsViewer, Org));
        using var forbidden = await viewer.PostAsJsonAsync("v1/reconsideration/cases", new
        {
            requestId = Guid.NewGuid(), org = Org, receivedOn = "2024-03-01",
            applicantType = "APPLICANT_TYPE_NATURAL_PERSON", category = "ACT_CATEGORY_OTHER", respondent = "区政府",
        });
        var (_, role) = await RefusedJsonAsync(forbidden, HttpStatusCode.Forbidden, StatusCode.PermissionDenied);
        Assert.Equal("ROLE_NOT_ALLOWED", role.GetProperty("reason").GetString());
        Assert.Equal(FazhiRoles.StatisticsViewer, role.GetProperty("metadata").GetProperty("role").GetString());

        // The organisation check runs in the service and goes out through JSON transcoding: the same shape.
        var neighbour = system.Reconsideration.Http(FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, "410102"));
        using var outOfScope = await neighbour.GetAsync($"v1/reconsideration/cases?org={Org}");
        var (_, scope) = await RefusedJsonAsync(outOfScope, HttpStatusCode.Forbidden, StatusCode.PermissionDenied);
        Assert.Equal("ORG_OUT_OF_SCOPE", scope.GetProperty("reason").GetString());

        // Reporting answers the same way, in its own domain.
        using var reportNoToken = await system.Reporting.Http(null).GetAsync("v1/reports/410105/years/2024:ytd?asOf=2024-06-30");
        Assert.Equal(HttpStatusCode.Unauthorized, reportNoToken.StatusCode);
        var reportBody = await reportNoToken.Content.ReadFromJsonAsync<JsonElement>();
        var reportInfo = Detail(reportBody, ErrorInfoType);
        Assert.Equal("TOKEN_MISSING", reportInfo.GetProperty("reason").GetString());
        Assert.Equal("reporting.fazhi.gov.cn", reportInfo.GetProperty("domain").GetString());
    }

    [Fact]
    public async Task Json_refusals_before_the_service_method_get_a_reason_too()
    {
        // Transcoding refuses a body it cannot parse before the service sees it.
        using var malformed = await system.CasesHttp.PostAsync("v1/reconsideration/cases",
            new StringContent("{\"org\": ", System.Text.Encoding.UTF8, "application/json"));
        var (_, bodyInfo) = await RefusedJsonAsync(malformed, HttpStatusCode.BadRequest, StatusCode.InvalidArgument);
        Assert.Equal("REQUEST_BODY_INVALID", bodyInfo.GetProperty("reason").GetString());

        using var unknownEnum = await system.CasesHttp.PostAsJsonAsync("v1/reconsideration/cases", new { applicantType = "APPLICANT_TYPE_ROBOT" });
        var (enumBody, enumInfo) = await RefusedJsonAsync(unknownEnum, HttpStatusCode.BadRequest, StatusCode.InvalidArgument);
        // Checked against the request message before transcoding (JsonFieldCheck): the field is named.
        Assert.Equal("INVALID_INPUT", enumInfo.GetProperty("reason").GetString());
        Assert.Equal("applicantType", Detail(enumBody, "type.googleapis.com/google.rpc.BadRequest").GetProperty("fieldViolations")[0].GetProperty("field").GetString());

        using var noRoute = await system.CasesHttp.GetAsync("v1/reconsideration/no-such-thing/x/y");
        var (_, routeInfo) = await RefusedJsonAsync(noRoute, HttpStatusCode.NotFound, StatusCode.NotFound);
        Assert.Equal("ROUTE_NOT_FOUND", routeInfo.GetProperty("reason").GetString());

        // Successful answers pass through untouched.
        using var ok = await system.CasesHttp.GetAsync("v1/reconsideration/cases?org=410105");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(JsonValueKind.Object, (await ok.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
    }

    [Fact]
    public async Task Unknown_case_is_not_found_with_resource_info()
    {
        var id = Guid.CreateVersion7().ToString();
        var (_, status, info) = await RefusedAsync(system.Cases.Client.GetCaseAsync(new GetCaseRequest { Id = id }), StatusCode.NotFound);
        Assert.Equal("NOT_FOUND", info.Reason);
        Assert.Equal(id, status.GetDetail<ResourceInfo>()?.ResourceName);
        Assert.Equal(CaseType, status.GetDetail<ResourceInfo>()?.ResourceType);

        // A move on an unknown case fails inside the group commit writer: the same details.
        var (_, moveStatus, _) = await RefusedAsync(
            system.Cases.Client.AcceptCaseAsync(new AcceptCaseRequest { Id = id, AcceptedOn = "2024-03-04", Procedure = Procedure.Ordinary }),
            StatusCode.NotFound);
        var resource = moveStatus.GetDetail<ResourceInfo>();
        Assert.NotNull(resource);
        Assert.Equal(id, resource.ResourceName);
        Assert.Equal(CaseType, resource.ResourceType);

        using var response = await system.CasesHttp.GetAsync($"v1/reconsideration/cases/{id}");
        var (body, _) = await RefusedJsonAsync(response, HttpStatusCode.NotFound, StatusCode.NotFound);
        var jsonResource = Detail(body, "type.googleapis.com/google.rpc.ResourceInfo");
        Assert.Equal(id, jsonResource.GetProperty("resourceName").GetString());
        Assert.Equal(CaseType, jsonResource.GetProperty("resourceType").GetString());
    }

    [Fact]
    public async Task Rule_violation_is_failed_precondition_with_a_reason_and_precondition_failure()
    {
        var created = await system.Cases.ReceiveAsync(Org, "2024-03-01");
        await system.Cases.AcceptAsync(created.Id, "2024-03-04");
        var (_, status, info) = await RefusedAsync(
            system.Cases.Client.AcceptCaseAsync(new AcceptCaseRequest { Id = created.Id, AcceptedOn = "2024-03-05", Procedure = Procedure.Ordinary }),
            StatusCode.FailedPrecondition);
        Assert.Equal("CASE_ALREADY_ACCEPTED", info.Reason);
        Assert.Equal(created.Id, info.Metadata["id"]);
        var violation = Assert.Single(status.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(info.Reason, violation.Type);
        Assert.Equal(created.Id, violation.Subject);
        Assert.Equal(status.Message, violation.Description);

        using var response = await system.CasesHttp.PostAsJsonAsync($"v1/reconsideration/cases/{created.Id}:accept",
            new { acceptedOn = "2024-03-05", procedure = "PROCEDURE_ORDINARY" });
        var (body, jsonInfo) = await RefusedJsonAsync(response, HttpStatusCode.BadRequest, StatusCode.FailedPrecondition);
        Assert.Equal(info.Reason, jsonInfo.GetProperty("reason").GetString());
        var jsonViolation = Detail(body, "type.googleapis.com/google.rpc.PreconditionFailure").GetProperty("violations")[0];
        Assert.Equal(info.Reason, jsonViolation.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Reused_request_id_is_already_exists_with_reason_and_resource_info()
    {
        var first = NewCase();
        var created = await system.Cases.Client.CreateCaseAsync(first);
        var different = first.Clone();
        different.Respondent = "另一个机关";
        var (_, status, info) = await RefusedAsync(system.Cases.Client.CreateCaseAsync(different), StatusCode.AlreadyExists);
        Assert.Equal("REQUEST_ID_REUSED", info.Reason);
        Assert.Equal(CaseType, status.GetDetail<ResourceInfo>()?.ResourceType);
        Assert.Contains(created.Id, status.Message);
    }

    [Fact]
    public async Task Nul_character_in_a_text_field_is_invalid_argument_naming_the_field()
    {
        var request = NewCase();
        request.Respondent = "区政府\u0000";
        request.Summary = "不服\u0000处罚";
        var (_, status, info) = await RefusedAsync(system.Cases.Client.CreateCaseAsync(request), StatusCode.InvalidArgument);
        Assert.Equal("INVALID_INPUT", info.Reason);
        var fields = status.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).ToHashSet();
        Assert.Equal(new HashSet<string> { "respondent", "summary" }, fields);

        using var response = await system.CasesHttp.PostAsJsonAsync("v1/reconsideration/cases", new
        {
            requestId = Guid.NewGuid(), org = Org, receivedOn = "2024-03-01",
            applicantType = "APPLICANT_TYPE_NATURAL_PERSON", category = "ACT_CATEGORY_OTHER", respondent = "区\u0000政府",
        });
        var (body, _) = await RefusedJsonAsync(response, HttpStatusCode.BadRequest, StatusCode.InvalidArgument);
        var violation = Assert.Single(Detail(body, "type.googleapis.com/google.rpc.BadRequest").GetProperty("fieldViolations").EnumerateArray());
        Assert.Equal("respondent", violation.GetProperty("field").GetString());
        Assert.Contains("U+0000", violation.GetProperty("description").GetString());
    }
}
