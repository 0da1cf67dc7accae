// .NET images: the SDK to build, the ASP.NET runtime to run (Microsoft's images; UBI dotnet on RHEL).
import { alp, deb, ubi, type ImageTable } from '../../platform/image-rules';

export const images: ImageTable = {
  defaultVersion: '8.0',
  tagParts: 2,
  agreeParts: 1,
  // `net8` → 8.0
  normalize: (major, minor) => [major, minor ?? 0],
  ubiVersions: ['6.0', '8.0', '9.0'],
  pick(family, v) {
    const short = v.replace('.', '');
    if (family === 'rhel') return { build: ubi(`dotnet-${short}:1`), runtime: ubi(`dotnet-${short}-runtime:1`) };
    if (family === 'alpine') return { build: alp(`mcr.microsoft.com/dotnet/sdk:${v}-alpine`), runtime: alp(`mcr.microsoft.com/dotnet/aspnet:${v}-alpine`) };
    return { build: deb(`mcr.microsoft.com/dotnet/sdk:${v}-bookworm-slim`), runtime: deb(`mcr.microsoft.com/dotnet/aspnet:${v}-bookworm-slim`) };
  },
  repositories: [],
};
