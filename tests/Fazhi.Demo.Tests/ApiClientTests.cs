using System.Net;
using Fazhi.Demo.Client;

namespace Fazhi.Demo.Tests;

/// <summary>
/// What the client tells its caller about a failed call: whether an earlier attempt may have landed. A scripted
/// handler answers each attempt in turn (no server: this is the client's own logic).
/// </summary>
public sealed class ApiClientTests
{
    private sealed class Scripted(params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        private int _next;
        public int Calls => _next;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answers[Math.Min(_next++, answers.Length - 1)]());
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string body = "{}") => new(status) { Content = new StringContent(body) };
    private static Func<HttpResponseMessage> Dropped => () => throw new HttpRequestException("connection reset");
    private const string AlreadyDone = """{"code":9,"message":"the case is already accepted"}""";

    private static ApiClient Client(Scripted handler, int attempts = 6) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:1/") }, "reconsideration", attempts);

    [Fact]
    public async Task A_refusal_after_a_dropped_attempt_is_uncertain()
    {
        var handler = new Scripted(Dropped, () => Answer(HttpStatusCode.BadRequest, AlreadyDone));
        var e = await Assert.ThrowsAsync<ApiException>(() => Client(handler).PostAsync("v1/x:accept", new { }, "t", CancellationToken.None));
        Assert.True(e.Uncertain);
        Assert.Equal(HttpStatusCode.BadRequest, e.Status);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task A_refusal_after_unavailable_is_uncertain_but_after_overloaded_or_aborted_is_not()
    {
        var unavailable = new Scripted(() => Answer(HttpStatusCode.ServiceUnavailable), () => Answer(HttpStatusCode.BadRequest, AlreadyDone));
        Assert.True((await Assert.ThrowsAsync<ApiException>(() => Client(unavailable).PostAsync("p", new { }, "t", CancellationToken.None))).Uncertain);

        // RESOURCE_EXHAUSTED and ABORTED say nothing was written.
        var refusedAtOnce = new Scripted(() => Answer(HttpStatusCode.TooManyRequests), () => Answer(HttpStatusCode.Conflict, """{"code":10}"""),
            () => Answer(HttpStatusCode.BadRequest, AlreadyDone));
        var e = await Assert.ThrowsAsync<ApiException>(() => Client(refusedAtOnce).PostAsync("p", new { }, "t", CancellationToken.None));
        Assert.False(e.Uncertain);
        Assert.Equal(3, refusedAtOnce.Calls);
    }

    [Fact]
    public async Task A_first_refusal_is_certain_and_not_retried()
    {
        var handler = new Scripted(() => Answer(HttpStatusCode.BadRequest, AlreadyDone));
        var e = await Assert.ThrowsAsync<ApiException>(() => Client(handler).PostAsync("p", new { }, "t", CancellationToken.None));
        Assert.False(e.Uncertain);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Running_out_of_attempts_is_uncertain_and_counts_them()
    {
        var handler = new Scripted(Dropped);
        var client = Client(handler, attempts: 3);
        var e = await Assert.ThrowsAsync<ApiException>(() => client.PostAsync("p", new { }, "t", CancellationToken.None));
        Assert.True(e.Uncertain);
        Assert.Equal(3, handler.Calls);
        Assert.Equal(3, client.Requests);
        Assert.Equal(2, client.Retries);
    }
}
