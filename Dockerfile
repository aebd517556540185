# One image recipe for every Fazhi service. Build context: the repository root, e.g.
#   docker build --build-arg SERVICE=Reporting -t fazhi/reporting:dev .
# (docker-compose.yml does this for each service). Ports come from Fazhi__HttpPort / Fazhi__GrpcPort.
ARG SERVICE

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG SERVICE
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1

# Restore from the project files alone, so this layer is reused until they change.
# (global.json / nuget.config are copied only if the repository has them.)
COPY Directory.Build.props Directory.Packages.props global.jso[n] nuget.confi[g] NuGet.confi[g] ./
COPY shared/Fazhi.Contracts/Fazhi.Contracts.csproj shared/Fazhi.Contracts/
COPY shared/Fazhi.ServiceDefaults/Fazhi.ServiceDefaults.csproj shared/Fazhi.ServiceDefaults/
COPY shared/Fazhi.Calendar/Fazhi.Calendar.csproj shared/Fazhi.Calendar/
COPY services/${SERVICE}/Fazhi.${SERVICE}.csproj services/${SERVICE}/
RUN dotnet restore services/${SERVICE}/Fazhi.${SERVICE}.csproj

# Then the sources. publish restores again (a no-op unless a project reference was added).
COPY shared/ shared/
COPY services/${SERVICE}/ services/${SERVICE}/
RUN dotnet publish services/${SERVICE}/Fazhi.${SERVICE}.csproj -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
ARG SERVICE
WORKDIR /app
# Kestrel endpoints come from Fazhi__HttpPort / Fazhi__GrpcPort, not the image's default 8080.
ENV ASPNETCORE_HTTP_PORTS="" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    FAZHI_SERVICE_DLL=Fazhi.${SERVICE}.dll
COPY --from=build /app ./
# The non-root "app" user of the .NET images (uid 1654).
USER $APP_UID
# exec: dotnet replaces the shell, so it receives the container's stop signal.
ENTRYPOINT ["sh", "-c", "exec dotnet \"$FAZHI_SERVICE_DLL\" \"$@\"", "--"]
