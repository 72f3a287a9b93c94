# Functions shared by the scripts in this folder: sourced, not run.

# as_root COMMAND...: runs COMMAND as root, through sudo when not root.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# missing_packages PACKAGE...: prints those of the Debian packages that are not installed.
missing_packages() {
  local pkg
  for pkg in "$@"; do
    [[ "$(dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null)" == *'install ok installed'* ]] || echo "$pkg"
  done
}

# apt_install PACKAGE...: installs those of the Debian packages that are not installed yet.
apt_install() {
  local missing
  missing=($(missing_packages "$@"))
  [ ${#missing[@]} -gt 0 ] || return 0
  if ! command -v apt-get >/dev/null; then
    echo "please install: ${missing[*]}" >&2
    return 1
  fi
  echo "installing ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# apt_has PACKAGE: whether the distribution's package lists offer PACKAGE.
apt_has() {
  local policy
  policy="$(apt-cache policy "$1" 2>/dev/null)" || return 1
  grep -q '^ *Candidate: [^(]' <<<"$policy"
}

# pyenv_python VERSION: prints the python3 of the newest pyenv build of CPython
# VERSION (3.12: any 3.12.x) that has a shared libpython, which embedding needs.
# pyenv's root is `pyenv root`, else $PYENV_ROOT, else ~/.pyenv.
pyenv_python() {
  local root dir
  root="$(pyenv root 2>/dev/null)" || root="${PYENV_ROOT:-$HOME/.pyenv}"
  for dir in $(ls -d "$root/versions/$1".* 2>/dev/null | sort -rV); do
    if [ -x "$dir/bin/python$1" ] && ls "$dir/lib/libpython$1"*.so* >/dev/null 2>&1; then
      echo "$dir/bin/python$1"
      return 0
    fi
  done
  return 1
}

# kill_tree PID: ends the process PID and everything it started.
kill_tree() {
  local kids kid
  kids="$(pgrep -P "$1" || true)"
  kill -TERM "$1" 2>/dev/null || true
  for kid in $kids; do kill_tree "$kid"; done
}

# minutes SECONDS: prints a duration as 4m05s.
minutes() {
  printf '%dm%02ds' $(($1 / 60)) $(($1 % 60))
}
