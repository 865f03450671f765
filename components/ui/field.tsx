// Labelled form fields for the admin forms: a visible label tied to its control, an optional hint below it.
interface Base {
  /** Unique on the page: several forms may share a field name. */
  id: string;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

const control = "w-full rounded border border-gray-300 px-2 py-1.5 text-sm";

function Wrap({ id, label, hint, required, children }: Omit<Base, "name"> & { children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
        {required ? <span className="text-red-700"> *</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-gray-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(props: Base & { defaultValue?: string | number | null; type?: "text" | "date" | "number" | "password" | "search" | "tel"; autoComplete?: string }) {
  const { id, name, hint, required, defaultValue, type = "text", autoComplete } = props;
  return (
    <Wrap {...props}>
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        autoComplete={autoComplete ?? "off"}
        defaultValue={defaultValue ?? undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={control}
      />
    </Wrap>
  );
}

export function SelectField(props: Base & { options: { value: string; label: string; disabled?: boolean }[]; defaultValue?: string | number | null; blank?: string }) {
  const { id, name, hint, required, options, defaultValue, blank } = props;
  return (
    <Wrap {...props}>
      <select
        id={id}
        name={name}
        required={required}
        defaultValue={defaultValue === null || defaultValue === undefined ? "" : String(defaultValue)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={control}
      >
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

export function CheckboxField({ id, name, label, hint, defaultChecked }: Base & { defaultChecked?: boolean }) {
  return (
    <div>
      <div className="flex items-center gap-2">
        <input id={id} name={name} type="checkbox" defaultChecked={defaultChecked} aria-describedby={hint ? `${id}-hint` : undefined} />
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-gray-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
