using Fazhi.Enforcement.Domain;
using Fazhi.Enforcement.Infrastructure;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Proto = Fazhi.Contracts.Enforcement;

namespace Fazhi.Enforcement.Grpc;

/// <summary>
/// The per-organisation list of departments. A department counts in no figure of its own (reviews and problems carry
/// its id), so it is saved directly rather than through the group commit; its changes still go to the audit trail, and
/// its id and name to reporting through the outbox (the name its breakdowns show), in the same transaction.
/// </summary>
public sealed class DepartmentsService(EnforcementDbContext db) : Proto.Departments.DepartmentsBase
{
    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<Proto.Department> CreateDepartment(Proto.CreateDepartmentRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var requestId = check.RequestId("requestId", request.RequestId);
        var org = check.Org("org", request.Org);
        var name = check.Text("name", request.Name, Department.MaxName);
        check.ThrowIfInvalid();
        context.Caller().EnsureCovers(org);

        var department = Department.Register(requestId, org, name);
        db.Departments.Add(department);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
            return department.ToProto();
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            var existing = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.RequestId == requestId, context.CancellationToken);
            if (existing is null) throw new ConflictException($"Organisation {org} already has a department named {name}.", "DEPARTMENT_NAME_TAKEN");
            if (existing.Org != org || existing.Name != name)
                throw new ConflictException($"requestId {requestId} was already used for department {existing.Id} with different contents.");
            return existing.ToProto();
        }
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<Proto.Department> RenameDepartment(Proto.RenameDepartmentRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var id = check.Id("id", request.Id);
        var name = check.Text("name", request.Name, Department.MaxName);
        check.ThrowIfInvalid();

        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id, context.CancellationToken)
            ?? throw new NotFoundException($"No department {id}.");
        context.Caller().EnsureCovers(department.Org);
        if (department.Name == name) return department.ToProto();
        department.Rename(name);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException($"Organisation {department.Org} already has a department named {name}.", "DEPARTMENT_NAME_TAKEN");
        }
        return department.ToProto();
    }

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<Proto.ListDepartmentsResponse> ListDepartments(Proto.ListDepartmentsRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var org = check.Org("org", request.Org);
        check.ThrowIfInvalid();
        context.Caller().EnsureCovers(org);
        var departments = await db.Departments.AsNoTracking().Where(d => d.Org == org).OrderBy(d => d.Name).ToListAsync(context.CancellationToken);
        var response = new Proto.ListDepartmentsResponse();
        response.Departments.AddRange(departments.Select(d => d.ToProto()));
        return response;
    }
}
