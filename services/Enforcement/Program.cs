using Fazhi.Enforcement.Extensions;
using Fazhi.Enforcement.Infrastructure;
using Fazhi.ServiceDefaults.Hosting;

await ServiceProgram.RunAsync<EnforcementDbContext>(args, builder => builder.AddEnforcementService(), app => app.MapEnforcementService());
