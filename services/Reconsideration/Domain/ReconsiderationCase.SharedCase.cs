using Fazhi.Contracts.IntegrationEvents;
using Fazhi.ServiceDefaults.Cases;

namespace Fazhi.Reconsideration.Domain;

// What the shared case plumbing (create and change through the group commit, re-publishing) needs of the aggregate:
// its organisation, request id and state event, all declared in ReconsiderationCase.cs.
public sealed partial class ReconsiderationCase : ICase<ReconsiderationCaseChanged>
{
}
