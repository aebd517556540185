using Fazhi.Reconsideration.Extensions;
using Fazhi.Reconsideration.Infrastructure;
using Fazhi.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddReconsiderationService();

var app = builder.Build();
app.MapReconsiderationService();

await app.RunWithMigrationsAsync<ReconsiderationDbContext>(args);
