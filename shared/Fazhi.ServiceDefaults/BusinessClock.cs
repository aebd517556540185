using Microsoft.Extensions.Configuration;

namespace Fazhi.ServiceDefaults;

/// <summary>
/// "Today" for business dates is a date in China (Asia/Shanghai, Fazhi:TimeZone overrides), not the server's UTC
/// date: a case received at 07:00 Beijing time is received that day, though UTC still says yesterday.
/// </summary>
public sealed class BusinessClock(TimeProvider time, IConfiguration configuration)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Fazhi:TimeZone"] ?? "Asia/Shanghai");

    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);
}
