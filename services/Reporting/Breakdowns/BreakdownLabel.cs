namespace Fazhi.Reporting.Breakdowns;

/// <summary>
/// The display name of one breakdown row of one organisation (a department's current name), kept as the state of the
/// case that carries it: the projector stores it when it applies that case's version, so an older version arriving
/// late never brings back an old name.
/// </summary>
public readonly record struct BreakdownLabel(string Org, string Dimension, string Label);
