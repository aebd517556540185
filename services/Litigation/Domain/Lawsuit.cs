using Fazhi.Contracts.Common;
using Fazhi.Contracts.Litigation;

namespace Fazhi.Litigation.Domain;

/// <summary>
/// What the complaint and the court's acceptance say about a lawsuit: the court, its case number (案号, unique per
/// court), the instance, the filing date, the category of the act challenged, whether it followed a reconsideration
/// (复议后起诉) and the defendant body.
/// </summary>
public sealed record Lawsuit(
    string Court, string CaseNumber, Instance Instance, DateOnly FiledOn, ActCategory Category, bool AfterReconsideration, string Defendant);
