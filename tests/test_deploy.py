"""The deployment files (docker-compose.yml, Dockerfile, .env.example, deploy/nginx) against the
checklist docs/deploy.md promises. `make compose-check` also runs docker-compose's own validation
and hadolint; this test holds where neither is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
DOCKERFILE = (REPO / "Dockerfile").read_text(encoding="utf-8")
ENV_EXAMPLE = (REPO / ".env.example").read_text(encoding="utf-8")
TEMPLATE = (REPO / "deploy" / "nginx" / "sehub.conf.template").read_text(encoding="utf-8")
BUILD_TOOLS = ("gcc", "g++", "build-essential", "make ", "clang", "npm ", "node ", "git ", "curl ", "wget ")


def _stages() -> dict[str, list[str]]:
    """Stage name → its instructions (continuation lines joined)."""
    stages: dict[str, list[str]] = {}
    current = None
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if m := re.match(r"FROM\s+(\S+)(?:\s+AS\s+(\S+))?", line, re.I):
            current = m.group(2) or m.group(1)
            stages[current] = [line]
        elif current:
            stages[current].append(line)
    return stages


def test_compose_services_and_spec_v1_compatibility() -> None:
    assert "name" not in COMPOSE, "docker-compose v1 refuses a top-level name:"
    assert set(COMPOSE["services"]) == {"db", "cache", "backend", "worker", "scheduler", "web"}


def test_compose_images_are_pinned_and_state_is_in_named_volumes() -> None:
    services = COMPOSE["services"]
    for name in ("db", "cache"):
        image = services[name]["image"]
        assert re.fullmatch(r"[\w./-]+:\d+\.\d+[\w.-]*", image), f"{name}: {image} is not pinned to a version"
    assert services["db"]["image"].startswith("postgres:16.")
    assert services["cache"]["image"].startswith("redis:7.")
    assert "pgdata:/var/lib/postgresql/data" in services["db"]["volumes"]
    assert set(COMPOSE["volumes"]) >= {"pgdata", "media"}
    for name in ("db", "cache", "backend", "web"):
        assert "healthcheck" in services[name], f"{name} has no health check"
    assert "/api/v1/health/" in " ".join(services["backend"]["healthcheck"]["test"])


def test_compose_backend_runs_in_production_mode_with_secrets_from_the_environment() -> None:
    services = COMPOSE["services"]
    env = services["backend"]["environment"]
    assert env["DEBUG"] == "0"
    assert env["TASKS_BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert env["CACHE_URL"].startswith("redis://")
    assert env["SECRET_KEY"].startswith("${SECRET_KEY:?")
    assert "${POSTGRES_PASSWORD:?" in env["DATABASE_URL"]
    assert services["worker"]["command"] == ["worker"]
    assert services["scheduler"]["command"] == ["scheduler"]
    assert services["backend"]["build"]["target"] == "backend" and services["web"]["build"]["target"] == "web"


def test_env_example_documents_every_setting_read_from_the_environment() -> None:
    read: set[str] = set()
    for path in (REPO / "backend" / "config").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        read |= set(re.findall(r"env_(?:str|bool|int|list)\(\s*\"([A-Z][A-Z0-9_]+)\"", text))
        read |= set(re.findall(r"os\.environ\.get\(\s*\"([A-Z][A-Z0-9_]+)\"", text))
    read -= {"SEHUB_TEST_CACHE_PREFIX"}  # the test suite's own
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", ENV_EXAMPLE, re.M))
    assert read, "no settings found"
    assert not read - documented, f".env.example does not document {sorted(read - documented)}"
    used_by_compose = set(re.findall(r"\$\{([A-Z][A-Z0-9_]+)", (REPO / "docker-compose.yml").read_text()))
    assert not used_by_compose - documented, f".env.example misses {sorted(used_by_compose - documented)}"


def test_env_example_holds_no_real_secret() -> None:
    values = dict(re.findall(r"^([A-Z_]+)=(.*)$", ENV_EXAMPLE, re.M))
    assert values["SECRET_KEY"].startswith("change-me") and values["POSTGRES_PASSWORD"].startswith("change-me")


def test_dockerfile_checklist() -> None:
    """Multi-stage; every base image pinned to a version; the final images run as a non-root user
    and install no build tools."""
    stages = _stages()
    assert len(stages) >= 3 and {"backend", "web"} <= set(stages)
    for name, lines in stages.items():
        image = lines[0].split()[1]
        if image in stages:
            continue
        assert re.fullmatch(r"[\w./-]+:\d+(\.\d+)+[\w.-]*", image), f"stage {name}: {image} is not pinned"
        assert "latest" not in image
    for name in ("backend", "web"):
        lines = stages[name]
        users = [line.split()[1] for line in lines if line.upper().startswith("USER ")]
        assert users and users[-1].split(":")[0] not in ("root", "0"), f"{name} runs as root"
        runs = " ".join(line for line in lines if line.upper().startswith("RUN ")) + " "
        assert "apt-get install" not in runs and "apk add" not in runs and "pip install" not in runs
        assert not [tool for tool in BUILD_TOOLS if f" {tool}" in runs], f"{name} installs build tools"
        copies = [line for line in lines if line.upper().startswith("COPY --FROM=FRONTEND-BUILD")]
        assert all("/dist" in line for line in copies), f"{name} copies more than the built app from Node"
    assert "--only-binary=:all:" in DOCKERFILE and "-c requirements.lock" in DOCKERFILE


def test_prodcheck_installs_the_packages_the_backend_image_installs() -> None:
    """make prodcheck runs the stack from a virtualenv built with the Dockerfile's own two commands,
    so a package the code imports but only the development tools pull in is found on this machine."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("prodcheck", REPO / "scripts" / "prodcheck.py")
    assert spec and spec.loader
    prodcheck = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(prodcheck)
    python_build = " ".join(_stages()["python-build"])
    assert prodcheck.RUNTIME_REQUIREMENTS in python_build
    assert prodcheck.RUNTIME_INSTALL.replace("pip ", "/opt/venv/bin/pip ", 1) in python_build


def test_runtime_requirements_name_every_third_party_package_the_backend_imports() -> None:
    """The image installs requirements.in down to "# development and test" (and what those pull in):
    each package the backend imports at top level is named there or required by one that is."""
    from importlib.metadata import PackageNotFoundError, packages_distributions, requires

    runtime = (REPO / "requirements.in").read_text(encoding="utf-8").split("# development and test")[0]
    named = {
        re.split(r"[<>=\[ ]", line.strip())[0].lower().replace("_", "-")
        for line in runtime.splitlines()
        if line.strip() and not line.startswith("#")
    }
    closure, todo = set(), list(named)
    while todo:
        name = todo.pop()
        if name in closure:
            continue
        try:
            requirements = requires(name) or []
        except PackageNotFoundError:  # only for another platform (tzdata on Windows, …)
            continue
        closure.add(name)
        for requirement in requirements:
            if "extra ==" in requirement and not any(f'extra == "{e}"' in requirement for e in ("binary",)):
                continue
            todo.append(re.split(r"[<>=!~;\[ (]", requirement)[0].lower().replace("_", "-"))
    distributions = packages_distributions()
    imported = set()
    for path in (REPO / "backend").rglob("*.py"):
        for module in re.findall(r"^\s*(?:from|import) ([A-Za-z_][\w]*)", path.read_text(encoding="utf-8"), re.M):
            imported.add(module)
    missing = {
        module: dists
        for module in imported
        if (dists := [d.lower().replace("_", "-") for d in distributions.get(module, [])]) and not set(dists) & closure
    }
    assert not missing, f"imported by the backend but not installed in its image: {missing}"


def test_nginx_template_variables_are_set_everywhere_it_is_rendered() -> None:
    variables = set(re.findall(r"\$\{(SEHUB_\w+)\}", TEMPLATE))
    assert variables
    web = " ".join(_stages()["web"])
    prodcheck = (REPO / "scripts" / "prodcheck.py").read_text(encoding="utf-8")
    for variable in variables:
        assert f"{variable}=" in web, f"the web image does not set {variable}"
        assert f"{variable}=" in prodcheck, f"scripts/prodcheck.py does not render {variable}"
    # nginx's own variables must never look like template variables (envsubst would eat them).
    assert not re.findall(r"\$\{(?!SEHUB_)\w+\}", TEMPLATE)


@pytest.mark.skipif(
    not shutil.which("docker-compose"), reason="docker-compose is not installed (make compose-check installs it)"
)
def test_compose_config_validates_and_requires_the_secrets(tmp_path: Path) -> None:
    ok = subprocess.run(
        ["docker-compose", "--env-file", ".env.example", "-f", "docker-compose.yml", "config", "-q"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    # Without the secrets (an empty project directory: no .env), docker-compose refuses to start.
    shutil.copy(REPO / "docker-compose.yml", tmp_path / "docker-compose.yml")
    missing = subprocess.run(
        ["docker-compose", "-f", "docker-compose.yml", "config", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode != 0
    assert re.search(r"set (SECRET_KEY|POSTGRES_PASSWORD|SEHUB_DOMAIN) in \.env", missing.stderr)
