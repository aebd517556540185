using Fazhi.Litigation.Extensions;
using Fazhi.Litigation.Infrastructure;
using Fazhi.ServiceDefaults.Hosting;

await ServiceProgram.RunAsync<LitigationDbContext>(args, builder => builder.AddLitigationService(), app => app.MapLitigationService());
