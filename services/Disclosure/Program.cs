using Fazhi.Disclosure.Extensions;
using Fazhi.Disclosure.Infrastructure;
using Fazhi.ServiceDefaults.Hosting;

await ServiceProgram.RunAsync<DisclosureDbContext>(args, builder => builder.AddDisclosureService(), app => app.MapDisclosureService());
