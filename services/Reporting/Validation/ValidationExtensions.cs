namespace Fazhi.Reporting.Validation;

public static class ValidationExtensions
{
    /// <summary>The incoming events' checks (<see cref="EventChecks"/>) with their limits from Reporting:EventChecks.</summary>
    public static WebApplicationBuilder AddEventChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventLimits>().BindConfiguration(EventLimits.Section);
        builder.Services.AddSingleton<EventChecks>();
        builder.Services.AddSingleton<Consumers.EventScreen>();
        return builder;
    }
}
