#!/usr/bin/env python3
"""Writes a throw-away console project with a real-style history of 40 migrations.

Used by bench/bundle.sh. The DbContext (ShopContext), its entities, the 40 migrations with their
Designer files and the model snapshot come from the fixture in bench/real-history/, which
bench/make-real-history.py made once with `dotnet ef migrations add` (see bench/README.md). This
script copies that fixture and writes the project file beside it, with the same package references as
bench/gen-migrations.py.

Usage: gen-real-history.py OUTPUT_DIR COGNOVA_VERSION
"""
import os
import shutil
import sys

PROJECT = "RealHistory"
FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "real-history")
MIGRATIONS = 40


def csproj(cognova_version):
    """The project file; without a Cognova version it has no Cognova.Build reference (for making the fixture)."""
    cognova = "" if cognova_version is None else f"""
    <PackageReference Include="Cognova.Build" Version="{cognova_version}" PrivateAssets="all" />"""
    return f"""<Project Sdk="Microsoft.NET.Sdk">

  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <RootNamespace>{PROJECT}</RootNamespace>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>

  <ItemGroup>
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="10.0.3" />
    <PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="10.0.15">
      <PrivateAssets>all</PrivateAssets>
      <IncludeAssets>runtime; build; native; contentfiles; analyzers; buildtransitive</IncludeAssets>
    </PackageReference>{cognova}
  </ItemGroup>

</Project>
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv):
    if len(argv) != 3:
        print("usage: gen-real-history.py OUTPUT_DIR COGNOVA_VERSION", file=sys.stderr)
        return 2
    out, version = argv[1], argv[2]
    migrations = os.path.join(FIXTURE, "Data", "Migrations")
    count = len([n for n in os.listdir(migrations) if n.endswith(".Designer.cs")])
    if count != MIGRATIONS:
        print(f"the fixture {FIXTURE} has {count} migrations, expected {MIGRATIONS}", file=sys.stderr)
        return 1
    if os.path.exists(out) and os.listdir(out):
        print(f"{out} exists and is not empty", file=sys.stderr)
        return 2

    shutil.copytree(FIXTURE, out, dirs_exist_ok=True)
    write(os.path.join(out, f"{PROJECT}.csproj"), csproj(version))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
