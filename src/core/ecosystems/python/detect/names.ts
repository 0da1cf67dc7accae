// Python package names are compared in their PEP 503 normal form: `Flask_SQLAlchemy` = `flask-sqlalchemy`.
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
}
