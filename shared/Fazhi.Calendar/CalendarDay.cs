namespace Fazhi.Calendar;

/// <summary>A day the schedule overrides: either a holiday or a 调休 make-up working day.</summary>
internal readonly record struct CalendarDay(bool IsWorking, string Name);
