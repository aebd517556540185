using Fazhi.Litigation.Extensions;
using Fazhi.Litigation.Infrastructure;
using Fazhi.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLitigationService();

var app = builder.Build();
app.MapLitigationService();

await app.RunWithMigrationsAsync<LitigationDbContext>(args);
