using Fazhi.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fazhi.ServiceDefaults.Hosting;

public static class CalendarExtensions
{
    /// <summary>
    /// The working-day calendar for services with statutory periods. The published holiday schedules ship with the
    /// code; Calendar:Path swaps in a newer schedule (a JSON file in the same format) without a release.
    /// </summary>
    public static IHostApplicationBuilder AddWorkingDayCalendar(this IHostApplicationBuilder builder)
    {
        var calendarPath = builder.Configuration["Calendar:Path"];
        builder.Services.AddSingleton(string.IsNullOrEmpty(calendarPath) ? WorkingDayCalendar.Default : WorkingDayCalendar.FromFile(calendarPath));
        return builder;
    }
}
