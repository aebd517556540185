using Fazhi.Contracts.Reconsideration;

namespace Fazhi.Reconsideration.Domain;

public static class Decisions
{
    /// <summary>直接纠错: 撤销, 变更, 确认违法, 确认无效, 责令履行.</summary>
    public static bool IsDirectCorrection(Decision decision) => decision is
        Decision.Revoke or Decision.Modify or Decision.ConfirmIllegal or Decision.ConfirmInvalid or Decision.OrderPerformance;
}
