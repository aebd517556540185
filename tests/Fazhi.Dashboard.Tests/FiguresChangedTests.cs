using Fazhi.Reporting.Figures;
using Fazhi.Reporting.Projection;
using Xunit;

namespace Fazhi.Dashboard.Tests;

/// <summary>Who is woken by a commit, and how bursts fold into one wake-up (no servers).</summary>
public sealed class FiguresChangedTests
{
    private static Contribution Delta(string org, string day) =>
        new(org, ReconsiderationMetrics.Received, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), 1);

    /// <summary>Whether a wake-up is waiting (taking it); a wait that would block is cancelled at once.</summary>
    private static bool Woken(FiguresChanged.Subscription subscription)
    {
        using var stop = new CancellationTokenSource();
        var wait = subscription.WaitAsync(stop.Token);
        var woken = wait.IsCompletedSuccessfully;
        stop.Cancel();
        // The cancelled read ends on the thread pool (a channel runs its continuations asynchronously), so it may not
        // have ended yet when Cancel returns on a busy machine: wait for it rather than look at once.
        Assert.True(((IAsyncResult)wait).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10)), "the cancelled wait never ended");
        return woken;
    }

    [Fact]
    public void Wakes_watchers_of_the_org_prefix_for_that_year_and_later_years_only()
    {
        var changes = new FiguresChanged();
        using var district = changes.Subscribe("410105", 2023);
        using var city = changes.Subscribe("4101", 2023);
        using var otherCity = changes.Subscribe("4102", 2023);
        using var earlierYear = changes.Subscribe("410105", 2022);

        changes.Raise([Delta("410105", "2023-03-01")]);

        Assert.True(Woken(district));
        Assert.True(Woken(city));
        Assert.False(Woken(otherCity));
        // A 2023 change is not in 2022's figures; a 2022 change is in 2023's (previous period, states).
        Assert.False(Woken(earlierYear));
        changes.Raise([Delta("410105", "2022-12-31")]);
        Assert.True(Woken(earlierYear));
        Assert.True(Woken(district));
    }

    [Fact]
    public void A_burst_of_commits_is_one_wake_up()
    {
        var changes = new FiguresChanged();
        using var watcher = changes.Subscribe("4101", 2023);
        for (var i = 0; i < 100; i++) changes.Raise([Delta("410105", "2023-03-01")]);

        Assert.True(Woken(watcher));
        Assert.False(Woken(watcher));
    }

    [Fact]
    public void A_disposed_watcher_is_no_longer_woken_and_a_reset_wakes_everyone()
    {
        var changes = new FiguresChanged();
        var gone = changes.Subscribe("4101", 2023);
        using var staying = changes.Subscribe("4102", 2020);
        gone.Dispose();
        changes.Raise([Delta("410105", "2023-03-01")]);
        Assert.False(Woken(gone));

        changes.RaiseEverything();
        Assert.True(Woken(staying));
    }
}
