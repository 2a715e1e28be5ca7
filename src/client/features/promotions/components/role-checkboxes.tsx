import { can, type Permission, type Role, roles } from '../../../../shared/permissions';

/** Checkboxes for the roles holding a permission (a policy can only name roles able to act). */
export function RoleCheckboxes({ label, permission, value, onChange }: { label: string; permission: Permission; value: Role[]; onChange: (roles: Role[]) => void }) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{label}</legend>
      <div className="flex gap-4">
        {roles.filter((r) => can(r, permission)).map((role) => (
          <label key={role} className="flex items-center gap-1 text-sm">
            <input
              type="checkbox"
              checked={value.includes(role)}
              onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))}
            />
            {role}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
