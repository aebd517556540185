using Fazhi.Contracts.Common;
using Fazhi.Contracts.Litigation;

namespace Fazhi.Litigation.Domain;

/// <summary>
/// What the complaint and the court's acceptance say about a lawsuit: the court, its case number (案号, unique per
/// court), the instance, the filing date, the category of the act challenged, whether it followed a reconsideration
/// (复议后起诉) and the defendant body. <paramref name="ReconsiderationBodyCoDefendant"/>: the organisation logging the
/// lawsuit is sued as the reconsideration body (复议机关) jointly with the body that made the original decision (共同被告,
/// 行政诉讼法 Art. 26): the lawsuit is then the original body's in the disclosure report's table 四, not this one's.
/// </summary>
public sealed record Lawsuit(
    string Court, string CaseNumber, Instance Instance, DateOnly FiledOn, ActCategory Category, bool AfterReconsideration, string Defendant,
    bool ReconsiderationBodyCoDefendant = false);
