using Fazhi.ServiceDefaults.Errors;
using Google.Rpc;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>The error mapping's pure parts: which failures are transient, which text is refused.</summary>
public sealed class ErrorMappingTests
{
    [Fact]
    public void Transient_failures_are_recognised_inside_wrappers()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:1", new System.Net.Sockets.SocketException(111));
        Assert.Equal(ErrorReasons.DatabaseUnavailable, ErrorStatus.TransientReason(refused));
        Assert.Equal(ErrorReasons.DatabaseUnavailable, ErrorStatus.TransientReason(
            new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", refused)));
        Assert.Equal(ErrorReasons.DatabaseUnavailable, ErrorStatus.TransientReason(
            new Microsoft.EntityFrameworkCore.DbUpdateException("save failed", new NpgsqlException("Exception while reading from stream", new TimeoutException()))));
        Assert.Equal(ErrorReasons.DatabaseUnavailable, ErrorStatus.TransientReason(new AggregateException(new TimeoutException())));
        Assert.Null(ErrorStatus.TransientReason(new InvalidOperationException("a bug")));
        Assert.Null(ErrorStatus.TransientReason(new NpgsqlException("syntax error")));

        var mapped = ErrorStatus.ForException(refused, "reconsideration.fazhi.gov.cn", request: null);
        Assert.Equal((int)Code.Unavailable, mapped?.Code);
        Assert.Equal(ErrorReasons.DatabaseUnavailable, mapped?.GetDetail<ErrorInfo>()?.Reason);
        Assert.NotNull(mapped?.GetDetail<RetryInfo>());
        Assert.Null(ErrorStatus.ForException(new InvalidOperationException("a bug"), "reconsideration.fazhi.gov.cn", request: null));
    }

    [Fact]
    public void Overload_is_resource_exhausted_with_a_retry_hint()
    {
        var mapped = ErrorStatus.ForException(new OverloadedException("queue full"), "reconsideration.fazhi.gov.cn", request: null);
        Assert.Equal((int)Code.ResourceExhausted, mapped?.Code);
        Assert.Equal("SERVICE_OVERLOADED", mapped?.GetDetail<ErrorInfo>()?.Reason);
        Assert.NotNull(mapped?.GetDetail<RetryInfo>());
    }

    [Theory]
    [InlineData("a\u0000b", 1)]
    [InlineData("\u001b[31m", 0)]
    [InlineData("不服\u007f", 2)]
    public void Control_characters_and_lone_surrogates_are_refused_in_text(string text, int position)
    {
        var check = new InputCheck();
        check.Text("summary", text, 2000);
        var error = Assert.Throws<InvalidInputException>(check.ThrowIfInvalid);
        var violation = Assert.Single(error.Violations);
        Assert.Equal("summary", violation.Field);
        Assert.Contains($"at position {position}", violation.Description);
    }

    [Fact]
    public void A_lone_surrogate_is_refused()
    {
        var check = new InputCheck();
        check.Text("respondent", "ok" + (char)0xD800, 200);
        Assert.Equal("respondent", Assert.Single(Assert.Throws<InvalidInputException>(check.ThrowIfInvalid).Violations).Field);
    }

    [Theory]
    [InlineData("第一行\n第二行\t制表\r\n")]
    [InlineData("emoji 😀 and 中文")]
    public void Ordinary_text_with_line_breaks_and_emoji_is_accepted(string text)
    {
        var check = new InputCheck();
        check.Text("summary", text, 2000);
        check.ThrowIfInvalid();
    }
}
